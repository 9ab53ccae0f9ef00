local yaml = std.native("parseYaml")("a: 1\n---\nb: [x, '2']\n");
{
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name: "natives" },
  data: {
    parseJson: std.toString(std.native("parseJson")('{"k": [1, 2.5]}')),
    parseYaml: std.toString(yaml),
    escape: std.native("escapeStringRegex")("a.b*c"),
    match: std.toString(std.native("regexMatch")("^v[0-9]+$", "v12")),
    subst: std.native("regexSubst")("(?P<name>[a-z]+)-([0-9]+)", "web-1 db-22", "${name}:$2"),
    json: std.native("manifestJsonFromJson")('{"b": 1, "a": [2]}', 2),
    yaml: std.native("manifestYamlFromJson")('{"b": "80", "a": [0.5]}'),
    sha: std.native("sha256")("kgen"),
  },
}
