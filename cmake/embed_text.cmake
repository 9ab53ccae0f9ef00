# Turns a text file into a C++ source defining `const char* const <SYMBOL>`.
file(READ ${INPUT} content HEX)
string(LENGTH "${content}" hex_length)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT}; do not edit.\nnamespace kgen::jsonnet {\nextern const char* const ${SYMBOL};\nstatic const char kData[] = {${bytes} 0x00};\nconst char* const ${SYMBOL} = kData;\n}  // namespace kgen::jsonnet\n")
