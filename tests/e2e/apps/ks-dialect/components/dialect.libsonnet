// An imported file: unary plus works, text blocks are left as they are, and
// std.thisFile is the path from the app's root.
{
  thisFile: std.thisFile,
  block: |||
    p
  |||,
  unary: [+true, +null, +"s", 1 + +1],
  plusColon: { a: 1 } + { a+: +1 },
}
