// ks's Jsonnet in a component file: unary plus (D1), text blocks with ks's extra
// newline (K2), std.thisFile as ks gave it (K7).
local lib = import "dialect.libsonnet";
local joined = "a" +
  + "b";
{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "dialect" },
  data: {
    unary: joined,
    unaryValues: [+{ a: 1 }, +[1], +true, +null, - +2, +(+"p")],
    notUnary: "1 + +2 // +" + |||
      + x
    |||,
    block: |||
      x
      y
    |||,
    blockFormat: |||
      n=%d
    ||| % [+3],
    blockBlankLines: |||
      p

      q


    |||,
    thisFile: std.thisFile,
    lib: lib,
  },
}
