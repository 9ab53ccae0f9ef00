#!/usr/bin/env python3
"""Records cases.json: Jsonnet at the edges as go-jsonnet 0.11.2 (ks's evaluator) gave it.

Run by hand with the oracle (never from the build or tests):
  python3 tests/jsonnet/go_edges/record.py /work/shared/tools/jsonnet-0.11.2
Each case is {"group", "code", "expected"} or, where go-jsonnet stopped with an error,
{"group", "code", "error"} (the first line it printed). tests/jsonnet/go_edges_test.cpp
evaluates every case with kgen's evaluator.
"""
import json
import os
import subprocess
import sys
import tempfile

# Code points around the four-byte UTF-8 lead bytes (F0 up to U+3FFFF, F1-F4 above).
CODE_POINTS = [0x10000, 0x1F600, 0x3FFFF, 0x40000, 0x7FFFF, 0x80000, 0xBFFFF, 0xC0000, 0xFFFFF, 0x100000,
               0x10FFFD, 0x10FFFF]
# Each takes the string s (holding the code point between two ASCII letters).
STRING_USES = [
    's', 'std.length(s)', 'std.codepoint(s[1])', 'std.escapeStringJson(s)', 'std.escapeStringPython(s)',
    'std.escapeStringBash(s)', 'std.escapeStringDollars(s)', 'std.manifestJsonEx({k: s, [s]: [s]}, "  ")',
    'std.manifestJson([s])', 'std.manifestYamlDoc({k: s, l: [s]})', 'std.manifestYamlStream([s, {k: s}])',
    'std.manifestPython({k: s})', 'std.manifestPythonVars({k: s})', 'std.format("%s", s)', '"%s|%5s" % [s, s]',
    '"%c" % std.codepoint(s[1])', 'std.toString({k: s})', 'std.stringChars(s)', 'std.asciiUpper(s)',
    'std.split(s, "b")', 'std.join(s, ["x", "y"])', 'std.md5(s)', 'std.base64(s)',
]

SHIFT_LEFT = [0, 1, -1, 5, 10000, -10000, 1.9, -1.9, 4.5, 2 ** 53, 9.3e18, -9.3e18, 1e20, -1e20]
SHIFT_COUNT = [-1e30, -10, -2, -1, -0.99, -0.5, 0, 0.5, 0.999, 1, 1.5, 2, 31, 32, 62, 63, 63.9, 64, 65, 66, 100,
               1e19, 1e30]
BITWISE = ['~1e20', '~-1e20', '~9.3e18', '~2.5', '~-2.5', '1e20 & 7', '-1e20 | 0', '1e19 ^ 0', '-2.5 & 7',
           '2.9 | 0', '(1 << 62) ^ 1', '-1 & 255']

INDEXES = [0, 1, 1.5, -0.5, -0.99, 2.9, 2.999999, 1e-300, -1e-300, 3, -1, 3.5, -1.5, 3e9, -3e9, 1e30, -1e30]
SLICES = ['[0.5:2.5]', '[1:3.7]', '[::1.5]', '[0.5::2]', '[1.9:]', '[:2.1]', '[0:4:0.5]', '[2.5:1]', '[::2.5]',
          '[0.1:0.9]']

MAKE_ARRAY_SIZES = ['0', '2', '2.0', '2.5', '-1', '-1.5', '-0.5', '1e-7', '0.999', '3e9', '-3e9', '2147483648',
                    '-2147483649', '1e300', '-1e300', '"2"', 'true', 'null', '[2]', '1234567.5', '123456789.5']


def cases():
    for cp in CODE_POINTS:
        for use in STRING_USES:
            yield 'unicode', 'local s = "a" + std.char(%d) + "b"; %s' % (cp, use)
        # The code point written raw in the source and as a JSON escape pair.
        yield 'unicode', json.dumps('a' + chr(cp) + 'b', ensure_ascii=False)
        yield 'unicode', 'std.escapeStringJson(%s)' % json.dumps('a' + chr(cp) + 'b', ensure_ascii=False)
    for op in ['<<', '>>']:
        for x in SHIFT_LEFT:
            for y in SHIFT_COUNT:
                yield 'shift', '%s %s %s' % (json.dumps(x), op, json.dumps(y))
    for code in BITWISE:
        yield 'shift', code
    for i in INDEXES:
        yield 'index', '[0, 1, 2][%s]' % json.dumps(i)
        yield 'index', '"abc"[%s]' % json.dumps(i)
        yield 'index', 'local a = [0, 1, 2]; local i = %s; a[i]' % json.dumps(i)
    for s in SLICES:
        yield 'index', '[1, 2, 3, 4]%s' % s
        yield 'index', '"abcd"%s' % s
    yield 'index', 'std.makeArray(3, function(i) i * 10)[1.5]'
    yield 'index', '[x for x in [1, 2, 3]][0.5]'
    for sz in MAKE_ARRAY_SIZES:
        yield 'makeArray', 'std.makeArray(%s, function(i) i)' % sz
    yield 'makeArray', 'std.makeArray(2.5, "f")'
    yield 'makeArray', 'std.makeArray(2, function(i, j=1) i + j)'
    yield 'makeArray', 'std.length(std.makeArray(1e3, function(i) i))'


def run(oracle, code):
    with tempfile.NamedTemporaryFile('w', suffix='.jsonnet', delete=False, encoding='utf-8') as tmp:
        tmp.write(code)
    try:
        proc = subprocess.run([oracle, tmp.name], capture_output=True)
    finally:
        os.unlink(tmp.name)
    if proc.returncode != 0:
        lines = proc.stderr.decode('utf-8', 'replace').splitlines()
        return None, lines[0] if lines else ''
    return json.loads(proc.stdout.decode('utf-8')), None


def main():
    oracle = sys.argv[1]
    out = []
    for group, code in cases():
        expected, error = run(oracle, code)
        case = {'group': group, 'code': code}
        if error is None:
            case['expected'] = expected
        else:
            case['error'] = error
        out.append(case)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(out, f, indent=0, ensure_ascii=False)
        f.write('\n')
    print('%d cases, %d errors' % (len(out), sum(1 for c in out if 'error' in c)))


if __name__ == '__main__':
    main()
