# libjsonnet 0.18 built from Debian's source package (fetched by scripts/install-deps.sh
# into third_party/jsonnet/) with kgen's patches (third_party/jsonnet/patches/*.patch,
# each saying why and what it measured). Defines the `jsonnet_c` target kgen links.
#
# The pristine source is copied into the build folder and patched there at configure
# time; editing or adding a patch configures again. A missing source or a patch that does
# not apply stops the configuration: kgen never falls back to Debian's unpatched library
# without being told to (-DKGEN_PATCHED_JSONNET=OFF).

set(JSONNET_DEB_VERSION 0.18.0+ds)
set(JSONNET_PRISTINE ${CMAKE_SOURCE_DIR}/third_party/jsonnet/jsonnet-${JSONNET_DEB_VERSION})
if(NOT EXISTS ${JSONNET_PRISTINE}/core/vm.cpp)
  message(FATAL_ERROR
    "libjsonnet's source is missing (${JSONNET_PRISTINE}).\n"
    "Run scripts/install-deps.sh, which fetches it with `apt-get source jsonnet`, or configure with "
    "-DKGEN_PATCHED_JSONNET=OFF to link Debian's unpatched libjsonnet (much slower on large apps).")
endif()
find_program(PATCH_PROGRAM patch REQUIRED)

file(GLOB JSONNET_PATCHES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/third_party/jsonnet/patches/*.patch)
list(SORT JSONNET_PATCHES)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${JSONNET_PATCHES})
set(stamp "${JSONNET_DEB_VERSION}")
foreach(p ${JSONNET_PATCHES})
  file(SHA256 ${p} h)
  string(APPEND stamp " ${h}")
endforeach()

set(JSONNET_SRC ${CMAKE_BINARY_DIR}/jsonnet-patched)
set(stamp_file ${JSONNET_SRC}/.kgen-patches)
set(old_stamp "")
if(EXISTS ${stamp_file})
  file(READ ${stamp_file} old_stamp)
endif()
if(NOT old_stamp STREQUAL stamp)
  file(REMOVE_RECURSE ${JSONNET_SRC})
  file(MAKE_DIRECTORY ${JSONNET_SRC}/third_party/rapidyaml/rapidyaml/ext/c4core)
  file(COPY ${JSONNET_PRISTINE}/core ${JSONNET_PRISTINE}/include ${JSONNET_PRISTINE}/stdlib DESTINATION ${JSONNET_SRC})
  file(COPY ${JSONNET_PRISTINE}/third_party/md5 ${JSONNET_PRISTINE}/third_party/json DESTINATION ${JSONNET_SRC}/third_party)
  file(COPY ${JSONNET_PRISTINE}/third_party/rapidyaml/rapidyaml/src DESTINATION ${JSONNET_SRC}/third_party/rapidyaml/rapidyaml)
  file(COPY ${JSONNET_PRISTINE}/third_party/rapidyaml/rapidyaml/ext/c4core/src
       DESTINATION ${JSONNET_SRC}/third_party/rapidyaml/rapidyaml/ext/c4core)
  foreach(p ${JSONNET_PATCHES})
    execute_process(COMMAND ${PATCH_PROGRAM} -p1 --batch --forward --input=${p}
                    WORKING_DIRECTORY ${JSONNET_SRC} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "kgen's libjsonnet patch ${p} does not apply to ${JSONNET_PRISTINE}:\n${out}")
    endif()
  endforeach()
  # std.jsonnet as the byte list vm.cpp and desugarer.cpp include (jsonnet's own build
  # makes it with a helper program).
  file(READ ${JSONNET_SRC}/stdlib/std.jsonnet std_hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," std_bytes "${std_hex}")
  file(WRITE ${JSONNET_SRC}/core/std.jsonnet.h "${std_bytes}0x00\n")
  file(WRITE ${stamp_file} "${stamp}")
endif()

set(ryml ${JSONNET_SRC}/third_party/rapidyaml/rapidyaml)
add_library(kgen_libjsonnet STATIC
  ${JSONNET_SRC}/core/desugarer.cpp
  ${JSONNET_SRC}/core/formatter.cpp
  ${JSONNET_SRC}/core/lexer.cpp
  ${JSONNET_SRC}/core/libjsonnet.cpp
  ${JSONNET_SRC}/core/parser.cpp
  ${JSONNET_SRC}/core/pass.cpp
  ${JSONNET_SRC}/core/static_analysis.cpp
  ${JSONNET_SRC}/core/string_utils.cpp
  ${JSONNET_SRC}/core/vm.cpp
  ${JSONNET_SRC}/third_party/md5/md5.cpp
  ${ryml}/src/c4/yml/common.cpp
  ${ryml}/src/c4/yml/parse.cpp
  ${ryml}/src/c4/yml/preprocess.cpp
  ${ryml}/src/c4/yml/tree.cpp
  ${ryml}/ext/c4core/src/c4/base64.cpp
  ${ryml}/ext/c4core/src/c4/char_traits.cpp
  ${ryml}/ext/c4core/src/c4/error.cpp
  ${ryml}/ext/c4core/src/c4/format.cpp
  ${ryml}/ext/c4core/src/c4/language.cpp
  ${ryml}/ext/c4core/src/c4/memory_resource.cpp
  ${ryml}/ext/c4core/src/c4/memory_util.cpp
  ${ryml}/ext/c4core/src/c4/time.cpp)
target_include_directories(kgen_libjsonnet
  PUBLIC ${JSONNET_SRC}/include
  PRIVATE ${JSONNET_SRC}/core ${JSONNET_SRC}/third_party/md5 ${JSONNET_SRC}/third_party/json ${ryml}/src
          ${ryml}/ext/c4core/src)
# Optimised in every build type (the sanitizer build's tests evaluate through it too),
# and not instrumented, as Debian's library was not: the sanitizers check kgen's code.
# Third-party code: its warnings are not kgen's to fix.
target_compile_options(kgen_libjsonnet PRIVATE -O2 -w)
set_target_properties(kgen_libjsonnet PROPERTIES POSITION_INDEPENDENT_CODE ON)

add_library(jsonnet_c INTERFACE)
target_link_libraries(jsonnet_c INTERFACE kgen_libjsonnet)
# Patch 0006's jsonnet_lazy_imports, which the linker relies on for large files.
target_compile_definitions(jsonnet_c INTERFACE KGEN_LAZY_IMPORTS=1)
# What the patches add to libjsonnet's API (jsonnet_go_0_11_semantics) exists only here.
target_compile_definitions(jsonnet_c INTERFACE KGEN_PATCHED_JSONNET=1)
