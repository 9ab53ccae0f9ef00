local base = import "../base.libsonnet";
// Insert user-specified overrides here.
base + {
}
