// Calls of the standard-library functions kgen gives go-jsonnet v0.11.2's behaviour;
// expected.json is what jsonnet-0.11.2 (the evaluator ks embedded) printed for this file.
local cases = [
  [{ a: 1, b: 2 }],
  [[1, 2], [3]],
  { a: [1, [2, 3], { b: 1, c: [4] }], d: { e: { f: 'x\ny\n' } }, g: [], h: {} },
  'x\ny\n',
  ['x\ny\n', { k: 'p\nq\n' }],
  [{ a: { b: 1, c: 2 }, d: [1, 2] }],
  { a: [{ b: 1, c: 2 }] },
  '',
  { '': '' },
  [null, true, false, 1.5, -0.25, 1e30, 3.3000000000000003, '~'],
  { '~k': 'a\u0001\u007f\u0080\u009f\u00a0é"\\\b\f\n\r\t/' },
  { visible: 1, hidden:: 2, deep: { x: [{ y:: 1, z: 'http://h/~vgg' }] } },
  { a: '\n', b: ['\n'], c: { d: 'x\n\ny\n' } },
];
{
  yaml: [std.manifestYamlDoc(c) for c in cases],
  json: [std.manifestJsonEx(c, '  ') for c in cases],
  json_tab: std.manifestJsonEx({ a: [1, { b: [] }] }, '\t'),
  json_default: std.manifestJson({ a: [], b: {}, c: [1] }),
  stream: std.manifestYamlStream(cases),
  stream_empty: std.manifestYamlStream([]),
  python: [std.manifestPython(c) for c in cases],
  python_vars: std.manifestPythonVars({ a: 1, b: [true, null], c: { d: '~' }, e: 'x\ny' }),
  python_vars_empty: std.manifestPythonVars({}),
  escape: [std.escapeStringJson('~x"\\\b\f\n\r\t'), std.escapeStringPython('a~'), std.escapeStringJson(1.5), std.escapeStringJson({ a: '~' })],
  setUnion: [std.setUnion([3, 1], [2]), std.setUnion(['b', 'a', 'b'], ['c']), std.setUnion([1, 1], [1]), std.setUnion([{ k: 1, v: 'a' }], [{ k: 1, v: 'b' }, { k: 0, v: 'c' }], function(o) o.k)],
  splitLimit: [std.splitLimit('a,b,c', ',', m) for m in [-2, -1, -0.5, 0, 0.5, 1, 1.5, 2, 5]],
  makeArray: [std.makeArray(-1, function(i) i), std.makeArray(2, function(i, j=0) i + j), std.makeArray(3, function(i) i * 2)],
  filter: [std.filter(function(x, y=0) x > 1, [1, 2, 3]), std.filter(function(x) x < 3, [1, 2, 3])],
  parseInt: [std.parseInt('-'), std.parseInt('-12'), std.parseInt('42')],
}
