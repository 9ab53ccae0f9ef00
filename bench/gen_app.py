#!/usr/bin/env python3
"""Writes a synthetic ks app of N components modelled on the tutorial's.

Each component is a copy of one of the tutorial's four components (PVC, download Jobs,
decompress Jobs, TFRecord Job) with its own name and params, so an app of N components
renders roughly 2*N objects through std.prune and the ksonnet-lib list helper, as the
tutorial does.

usage: gen_app.py N OUT_DIR
"""
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATES = ["pets-pvc", "get-data-job", "decompress-data-job", "create-pet-record-job"]


def params_blocks():
    """The tutorial's params per component, as text blocks keyed by component name."""
    text = (ROOT / "components" / "params.libsonnet").read_text()
    blocks = {}
    for name in TEMPLATES:
        match = re.search(r'"%s": \{\n(.*?)\n    \},' % re.escape(name), text, re.S)
        blocks[name] = match.group(1)
    return blocks


def main():
    n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    (out / "components").mkdir(parents=True, exist_ok=True)
    (out / "environments" / "default").mkdir(parents=True, exist_ok=True)
    for rel in ["app.yaml", "environments/base.libsonnet", "environments/default/main.jsonnet",
                "environments/default/globals.libsonnet", "environments/default/params.libsonnet"]:
        (out / rel).write_text((ROOT / rel).read_text())
    blocks = params_blocks()
    entries = []
    for i in range(n):
        template = TEMPLATES[i % len(TEMPLATES)]
        name = "%s-%04d" % (template, i)
        source = (ROOT / "components" / (template + ".jsonnet")).read_text()
        source = source.replace('components["%s"]' % template, 'components["%s"]' % name)
        (out / "components" / (name + ".jsonnet")).write_text(source)
        block = blocks[template].replace("name: '%s'" % template, "name: '%s'" % name)
        entries.append('    "%s": {\n%s\n    },' % (name, block))
    (out / "components" / "params.libsonnet").write_text(
        "{\n  global: {},\n  components: {\n" + "\n".join(entries) + "\n  },\n}\n")


if __name__ == "__main__":
    main()
