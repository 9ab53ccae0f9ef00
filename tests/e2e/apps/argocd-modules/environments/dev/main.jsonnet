local base = import "base.libsonnet";
base + {
}
