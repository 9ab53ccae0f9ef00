{
  pair: "\uD83D\uDE00",
  pairLength: std.length("\ud83d\ude00"),
  lone: '\uDFFF',
  loneCodepoint: std.codepoint("\ud83d"),
  char: std.char(55357),
  escaped: "\\uD800",
}
