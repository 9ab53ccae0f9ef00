#!/usr/bin/env python3
"""Records vectors.json: std.exp/log/pow/sin/cos/tan/asin/acos/atan as go-jsonnet 0.11.2 (the
evaluator in ks, built with Go 1.19 for linux/amd64) computed them, for go_math_test.cpp.

Run by hand with the oracle (never from the build or tests):
  python3 tests/jsonnet/go_math/record.py /work/shared/tools/jsonnet-0.11.2
Inputs are written with Python's shortest round-trip repr, so both sides read the same doubles;
outputs are go-jsonnet's 17 significant digits (exact).
"""
import json
import os
import random
import subprocess
import sys
import tempfile


def inputs():
    rnd = random.Random(13)
    spread = [rnd.uniform(-1, 1) * 10 ** rnd.uniform(-8, 3) for _ in range(300)]
    small_ints = [n / d for n in range(-40, 41) for d in (3, 7)]
    big = [rnd.uniform(1, 10) * 10 ** rnd.randint(9, 300) for _ in range(60)] + [1e10, 2 ** 29, 2 ** 29 + 0.5, 1e22]
    unit = [rnd.uniform(-1, 1) for _ in range(200)] + [n / 41 for n in range(-41, 42)] + [0.5, -0.5, 0.7, 1, -1]
    positive = [abs(x) for x in spread if x != 0] + [rnd.uniform(0, 1e300) for _ in range(60)] + \
        [10 ** k for k in range(-20, 23)] + [2.0 ** k for k in range(-1074, 1024, 37)] + [n / 3 for n in range(1, 41)]
    exp_in = [x for x in spread if abs(x) < 700] + small_ints + [rnd.uniform(-745, 709) for _ in range(200)]
    trig = spread + small_ints + big + [-x for x in big[:20]]
    pow_in = [(1.1, n) for n in range(1, 41)] + [(10, k) for k in range(-30, 308, 3)] + \
        [(rnd.uniform(0, 20), rnd.uniform(-20, 20)) for _ in range(300)] + \
        [(rnd.uniform(-10, 10), float(rnd.randint(-60, 60))) for _ in range(200)] + \
        [(2, 0.5), (2, -0.5), (3.7, 2.5), (0, 3), (-2, 3), (10, 200), (1.0000001, 1e9)]
    return {
        'exp': exp_in, 'log': positive, 'sin': trig, 'cos': trig, 'tan': trig,
        'asin': unit, 'acos': unit, 'atan': spread + big + small_ints, 'pow': pow_in,
    }


def main():
    oracle = sys.argv[1]
    ins = inputs()
    fields = []
    for fn, xs in ins.items():
        if fn == 'pow':
            body = ', '.join('[%r, %r, std.pow(%r, %r)]' % (x, y, x, y) for x, y in xs)
        else:
            body = ', '.join('[%r, std.%s(%r)]' % (x, fn, x) for x in xs)
        fields.append('%s: [%s]' % (fn, body))
    with tempfile.NamedTemporaryFile('w', suffix='.jsonnet', delete=False) as tmp:
        tmp.write('{\n' + ',\n'.join(fields) + '\n}\n')
    try:
        out = subprocess.run([oracle, tmp.name], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(tmp.name)
    # Keep go-jsonnet's digits as text: JSON readers may round differently than strtod.
    data = json.loads(out, parse_float=str, parse_int=str)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'vectors.json')
    with open(path, 'w') as f:
        f.write('{\n')
        f.write(',\n'.join('"%s": [\n%s\n]' % (fn, ',\n'.join('[' + ', '.join('"%s"' % v for v in row) + ']'
                                                              for row in rows))
                           for fn, rows in data.items()))
        f.write('\n}\n')
    print(sum(len(r) for r in data.values()), 'vectors')


if __name__ == '__main__':
    main()
