#!/usr/bin/env python3
"""Generated ksonnet-lib: how long generation takes, and what importing the library
costs `kgen show`.

Prints (median of --runs):
  - `kgen lib generate` from each spec in tests/fixtures/openapi (target: v1.10.9 < 1 s);
  - `kgen show default --no-cache` of the tutorial app with kgen's built-in k.libsonnet
    (the baseline), with the generated v1.8.0 library instead, and with the generated
    library plus one component that builds a Deployment, a Container with a port and a
    Service with ksonnet-lib builders; each with its difference to the baseline
    (target: under 50 ms for the builders app).

    bench/lib_bench.py [--kgen build/cmd/kgen] [--runs 7]
"""
import argparse
import gzip
import os
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

BUILDERS = """local k = import "k.libsonnet";
local deployment = k.apps.v1beta1.deployment;
local container = deployment.mixin.spec.template.spec.containersType;
k.core.v1.list.new([
  deployment.new("viewer", 1, container.new("viewer", "nginx").withPorts(container.portsType.new(80)), {app: "viewer"}) +
  deployment.mixin.spec.template.spec.withServiceAccountName("viewer"),
  k.core.v1.service.new("viewer", {app: "viewer"}, k.core.v1.service.mixin.spec.portsType.new(80, 80)),
])
"""


def median_seconds(cmd, cwd, runs):
    walls = []
    for _ in range(runs):
        start = time.monotonic()
        subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.monotonic() - start)
    return statistics.median(walls)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kgen", default=str(ROOT / "build/cmd/kgen"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    kgen = str(pathlib.Path(args.kgen).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        os.environ["KGEN_OPENAPI_DIR"] = str(tmp / "spec-cache")  # leave the user's spec cache alone
        print("generation (kgen lib generate, whole process):")
        for spec in sorted((ROOT / "tests/fixtures/openapi").glob("*.swagger.json.gz")):
            version = spec.name.split(".swagger")[0]
            path = tmp / (version + ".json")
            path.write_bytes(gzip.decompress(spec.read_bytes()))
            seconds = median_seconds([kgen, "lib", "generate", "--api-spec", "file:%s" % path, "--out", str(tmp / "out" / version)],
                                     tmp, args.runs)
            size = (tmp / "out" / version / "k8s.libsonnet").stat().st_size
            print("  %-8s %6.0f ms  k8s.libsonnet %4d KiB" % (version, seconds * 1000, size // 1024))

        app = tmp / "app"
        app.mkdir()
        for part in ("app.yaml", "components", "environments"):
            src = ROOT / part
            (shutil.copytree if src.is_dir() else shutil.copy)(src, app / part)
        show = [kgen, "show", "default", "--no-cache"]
        baseline = median_seconds(show, app, args.runs)
        subprocess.run([kgen, "lib", "generate", "--api-spec", "file:%s" % (tmp / "v1.8.0.json")], cwd=app, check=True,
                       stderr=subprocess.DEVNULL)
        generated = median_seconds(show, app, args.runs)
        (app / "components/viewer.jsonnet").write_text(BUILDERS)
        builders = median_seconds(show, app, args.runs)
        print("kgen show default --no-cache, tutorial app (median of %d):" % args.runs)
        print("  built-in k.libsonnet            %6.0f ms" % (baseline * 1000))
        print("  generated v1.8.0 library        %6.0f ms  (%+.0f ms)" % (generated * 1000, (generated - baseline) * 1000))
        print("  + a component using builders    %6.0f ms  (%+.0f ms)" % (builders * 1000, (builders - baseline) * 1000))


if __name__ == "__main__":
    main()
