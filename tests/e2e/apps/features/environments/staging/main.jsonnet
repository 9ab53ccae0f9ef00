// A main.jsonnet that takes a top-level argument (-A / --tla-str).
function(team="nobody")
  local base = import "base.libsonnet";
  base + {
    vars+: { items: [item + { metadata+: { annotations: { team: team } } } for item in super.items] },
  }
