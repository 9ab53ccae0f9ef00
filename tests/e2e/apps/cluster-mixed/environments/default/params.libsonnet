local params = std.extVar('__ksonnet/params');
local globals = import 'globals.libsonnet';
{
  components: {
    [x]: params.components[x] + globals
    for x in std.objectFields(params.components)
  },
}
