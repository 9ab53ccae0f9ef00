// The app's own ksonnet-lib: used instead of kgen's built-in one.
{
  core: { v1: { list: { new(items):: { apiVersion: "v1", kind: "List", items: items } } } },
  origin: "app lib/ksonnet-lib/v1.8.0",
}
