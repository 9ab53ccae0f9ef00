#!/usr/bin/env python3
"""kgen's rendering speed against the naive baseline, on synthetic apps.

For N = 4, 100 and 1,000 components (bench/gen_app.py), prints kgen's wall time and
peak memory for `kgen show default --no-cache` (median of 5 runs), its wall time when
nothing changed since the last render (served from the render cache), and the
baseline's: the
`jsonnet` tool (Debian package jsonnet, libjsonnet 0.18) evaluating the same
components in one process with the same ext code, as a plain libjsonnet embedding
would. Then their ratio. Run it outside the test suite:

    bench/run.py [--kgen build/cmd/kgen] [--sizes 4,100,1000] [--runs 5]
"""
import argparse
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def measure(cmd, cwd, runs):
    """Median wall seconds and max peak RSS (MB) of `runs` runs of cmd."""
    walls, rss = [], []
    for _ in range(runs):
        start = time.monotonic()
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.monotonic() - start)
            rss.append(usage.ru_maxrss / 1024.0)
            if status != 0:
                err.seek(0)
                sys.exit("failed: %s\n%s" % (" ".join(cmd)[:300], err.read().decode()[:2000]))
    return statistics.median(walls), max(rss)


def baseline_program(app):
    """One Jsonnet file importing every component, and the ext code ks would pass."""
    components = sorted(p.stem for p in (app / "components").glob("*.jsonnet"))
    (app / "baseline.jsonnet").write_text(
        "{\n" + "".join('  "%s": import "components/%s.jsonnet",\n' % (c, c) for c in components) + "}\n")
    params = subprocess.run(
        ["jsonnet", "-e", '{components: (import "components/params.libsonnet").components}'],
        cwd=app, check=True, capture_output=True, text=True).stdout
    lib = app / "baseline-lib"
    lib.mkdir(exist_ok=True)
    shutil.copy(ROOT / "lib/jsonnet/builtin/k.libsonnet", lib / "k.libsonnet")
    (app / "baseline-params.json").write_text(params)
    env = json.dumps({"namespace": "kubeflow", "server": "https://127.0.0.1:6443"})
    return ["jsonnet", "-J", "baseline-lib", "--ext-code", "__ksonnet/environments=" + env,
            "--ext-code-file", "__ksonnet/params=" + str(app / "baseline-params.json"), "baseline.jsonnet"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kgen", default=str(ROOT / "build/cmd/kgen"))
    parser.add_argument("--sizes", default="4,100,1000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--baseline-runs", type=int, default=3,
                        help="runs of the (slow) baseline for N <= 100; N > 100 gets one")
    args = parser.parse_args()
    kgen = str(pathlib.Path(args.kgen).resolve())
    print("%6s  %12s %10s %12s  %12s %10s  %9s %9s" % ("N", "kgen wall", "kgen MB", "unchanged", "base wall",
                                                        "base MB", "speedup", "mem ratio"))
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(s) for s in args.sizes.split(",")]:
            app = pathlib.Path(tmp) / ("app%d" % n)
            subprocess.run([sys.executable, str(ROOT / "bench/gen_app.py"), str(n), str(app)], check=True)
            k_wall, k_rss = measure([kgen, "show", "default", "--no-cache"], app, args.runs)
            cache = str(pathlib.Path(tmp) / ("cache%d" % n))
            measure([kgen, "show", "default", "--cache-dir", cache], app, 1)  # prime the cache
            c_wall, _ = measure([kgen, "show", "default", "--cache-dir", cache], app, args.runs)
            b_runs = args.baseline_runs if n <= 100 else 1
            b_wall, b_rss = measure(baseline_program(app), app, b_runs)
            print("%6d  %11.3fs %9.1f %11.3fs  %11.3fs %9.1f  %8.1fx %8.1fx" %
                  (n, k_wall, k_rss, c_wall, b_wall, b_rss, b_wall / k_wall, b_rss / k_rss), flush=True)


if __name__ == "__main__":
    main()
