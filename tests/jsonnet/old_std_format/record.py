#!/usr/bin/env python3
"""Records cases.json: std.format vectors as go-jsonnet 0.11.2 (ks's evaluator) printed them.

Run by hand with the oracle (never from the build or tests):
  python3 tests/jsonnet/old_std_format/record.py /work/shared/tools/jsonnet-0.11.2
Each case is {"format", "vals", "expected"}; "expected" is null where the old std stopped with
an error (kgen then gives an error too, or libjsonnet's result where the old std overflowed:
see "overflow").
"""
import json
import os
import subprocess
import sys
import tempfile

NUMBERS = [0, 1, -1, 7, 42, 0.5, -0.5, 1.5, -1.5, 2.5, 2.7, 1.999, 0.125, 0.015, 0.05, 3.14159, -3.14159,
           2.675, 1.005, 99.5, 99.995, 9.96, 0.96, 1234.5678, 0.001, -0.001, 1e-5, 1.5e-7, 123456789,
           12345678.905, 1e15, 1e17, 1e21, 1e22, 1e100, 1e-300, 255.5, -255.5, 65535, 1536 / 1024,
           1.7976931348623157e308, 0.1, 0.3, 100, 1000000]
NUMBER_FORMATS = ['%d', '%05d', '%5d', '%-5d|', '%+d', '% d', '%.3d', '%i', '%u', '%ld', '%x', '%X', '%#x',
                  '%08x', '%o', '%#o', '%f', '%F', '%.0f', '%.1f', '%.2f', '%.3f', '%#.0f', '%10.3f',
                  '%-10.2f|', '%010.2f', '%+.2f', '% .1f', '%e', '%E', '%.0e', '%.2e', '%#.0e', '%012.3e',
                  '%g', '%G', '%.3g', '%.1g', '%#g', '%10g', '%s', '%5s', '%-8s|']
OTHER = [
    ('%s-%s', ['a', 'b']), ('%s-%s', ['web', 3]), ('%s', 'x'), ('%s', [[1, {'a': 2}]]), ('%s', {'a': 'x'}),
    ('%(a)s', {'a': {'b': [1, 2]}}), ('%s', [None]), ('%s', [True]), ('%s', [[]]), ('%%', []), ('%d%%', 5),
    ('100%%', []), ('%5%', []), ('%-5%|', []), ('%(name)s-%(port)d', {'name': 'web', 'port': 80, 'x': 1}),
    ('%(a)05.1f', {'a': 2.25}), ('%(a)s %%', {'a': 1}), ('%(a)s%(a)s', {'a': 'r'}), ('%c', 65), ('%c', 'z'),
    ('%c', 233), ('%c', 'é'), ('%*d', [5, 42]), ('%-*d|', [4, 7]), ('%.*f', [2, 3.14159]), ('%*.*f', [8, 3, 2.5]),
    ('%5s', 'héllo'), ('%-6s|', 'é'), ('%s %s %s', ['a', 1, 1.5]), ('%05s', 'ab'), ('%x', 1e18),
    ('%d', 1e300), ('%x', 1e300), ('%hd', 3), ('%Lf', 1.5), ('x%sy', ''), ('%s', ['%d']), ('%(k)s', {'k': '%s'}),
    ('%s:%d', ['image', 1]), ('%s/%s:%s', ['gcr.io', 'app', 'v1.2.3']), ('%.2f%%', 12.3456),
    ('%s', 'ünïcödé'), ('%3c', 'a'), ('%.0g', 15), ('%.0g', 0.5), ('%g', 1e-5), ('%g', 100000), ('%g', 1000000),
    # Errors of the old std.
    ('%5', 1), ('%', []), ('%q', 1), ('%d', 'a'), ('%s %s', ['a']), ('%s', ['a', 'b']), ('%s', {'a': 1}),
    ('%(b)s', {'a': 1}), ('%*d', {'a': 1}), ('%(a', {'a': 1}), ('%c', 'ab'), ('%f', [[1]]),
    # Overflows of the old std (kgen keeps libjsonnet's result).
    ('%e', 0), ('%g', 0), ('%.400f', 1), ('%E', 0),
]


def cases():
    for f in NUMBER_FORMATS:
        for n in NUMBERS:
            yield f, n
    yield from OTHER


def run(oracle, fmt, vals):
    with tempfile.NamedTemporaryFile('w', suffix='.jsonnet', delete=False) as tmp:
        tmp.write('std.format(%s, %s)' % (json.dumps(fmt), json.dumps(vals)))
    try:
        proc = subprocess.run([oracle, tmp.name], capture_output=True, text=True)
    finally:
        os.unlink(tmp.name)
    if proc.returncode != 0:
        first = proc.stderr.splitlines()[0] if proc.stderr else ''
        return None, ('Overflow' in first or 'Division by zero' in first)
    return json.loads(proc.stdout), False


def main():
    oracle = sys.argv[1]
    out = []
    for fmt, vals in cases():
        expected, overflow = run(oracle, fmt, vals)
        case = {'format': fmt, 'vals': vals, 'expected': expected}
        if overflow:
            case['overflow'] = True
        out.append(case)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=0, ensure_ascii=False)
        f.write('\n')
    print('%d cases' % len(out))


if __name__ == '__main__':
    main()
