#include "jsonnet/evaluator.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "support/temp_dir.h"

namespace kgen::jsonnet {
namespace {

using nlohmann::json;
using testing::TempDir;

json eval(Evaluator& ev, const std::string& code) { return json::parse(ev.evaluate("test", code)); }

// The value of `file` evaluated in a plain context.
json value_of(const std::string& file) {
  Evaluator ev({});
  const int ctx = ev.add_context({});
  return eval(ev, "import '" + ev.import_path(ctx, file) + "'");
}

// The error evaluating `file` (in a plain context) raises; fails the test if none.
Error error_of(const std::string& file, Context context = {}) {
  Evaluator ev({});
  const int ctx = ev.add_context(std::move(context));
  try {
    ev.evaluate("test", "import '" + ev.import_path(ctx, file) + "'");
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error from " << file;
  return Error("none");
}

TEST(Evaluator, ImportsResolveFromImporterThenSearchPathInOrder) {
  TempDir dir;
  dir.write_all({{"app/main.jsonnet", "import 'shared.libsonnet'"},
                 {"first/shared.libsonnet", "'first'"},
                 {"second/shared.libsonnet", "'second'"},
                 {"app/near.jsonnet", "import 'n.libsonnet'"},
                 {"app/n.libsonnet", "'near'"},
                 {"second/n.libsonnet", "'far'"}});
  Evaluator ev({});
  const int ctx = ev.add_context({{{dir.path() + "/first", {}}, {dir.path() + "/second", {}}}, {}});
  EXPECT_EQ(eval(ev, "import '" + ev.import_path(ctx, dir.path() + "/app/main.jsonnet") + "'"), "first");
  EXPECT_EQ(eval(ev, "import '" + ev.import_path(ctx, dir.path() + "/app/near.jsonnet") + "'"), "near");
}

TEST(Evaluator, PackageMappingServesVersionedVendorFolders) {
  TempDir dir;
  dir.write_all({{"app/c.jsonnet", "(import 'kubeflow/tf-serving/util.libsonnet').v"},
                 {"vendor/kubeflow/tf-serving@abc/util.libsonnet", "{v: 'versioned'}"}});
  Evaluator ev({});
  SearchEntry packages;
  packages.packages["kubeflow/tf-serving"] = dir.path() + "/vendor/kubeflow/tf-serving@abc";
  const int ctx = ev.add_context({{packages}, {}});
  EXPECT_EQ(eval(ev, "import '" + ev.import_path(ctx, dir.path() + "/app/c.jsonnet") + "'"), "versioned");
}

TEST(Evaluator, BuiltinKsonnetLibWhenTheAppHasNone) {
  TempDir dir;
  dir.write("c.jsonnet", "local k = import 'k.libsonnet'; k.core.v1.list.new([{a: 1}])");
  Evaluator ev({});
  const int ctx = ev.add_context({});
  EXPECT_EQ(eval(ev, "import '" + ev.import_path(ctx, dir.path() + "/c.jsonnet") + "'"),
            json::parse(R"({"apiVersion": "v1", "kind": "List", "items": [{"a": 1}]})"));
  // ksonnet-lib's default pod labels are the literal {app: 'name'}, not the name given.
  dir.write("d.jsonnet", "(import 'k.libsonnet').apps.v1beta1.deployment.new('web', 1, []).spec.template.metadata.labels");
  EXPECT_EQ(eval(ev, "import '" + ev.import_path(ctx, dir.path() + "/d.jsonnet") + "'"), json::parse(R"({"app": "name"})"));
}

TEST(Evaluator, ContextsGiveExtVarTheirOwnValues) {
  TempDir dir;
  dir.write("c.jsonnet", "[std.extVar('x'), std.extVar('shared')]");
  VmOptions options;
  options.ext_str["shared"] = "vm";
  options.ext_str["x"] = "vm-x";
  Evaluator ev(options);
  const int plain = ev.add_context({});
  const int overridden = ev.add_context({{}, {{"x", "'from-context'"}}});
  const std::string file = dir.path() + "/c.jsonnet";
  EXPECT_EQ(eval(ev, "[import '" + ev.import_path(plain, file) + "', import '" + ev.import_path(overridden, file) + "']"),
            json::parse(R"([["vm-x", "vm"], ["from-context", "vm"]])"));
}

TEST(Evaluator, RuntimeErrorNamesUserFileLineAndColumn) {
  TempDir dir;
  const std::string file = dir.write("c.jsonnet", "{\n  a: {}.missing,\n}\n");
  const Error e = error_of(file);
  EXPECT_EQ(e.where().file, file);  // outside the working directory: absolute
  EXPECT_EQ(e.where().line, 2);
  EXPECT_EQ(e.where().column, 6);
  EXPECT_NE(e.message().find("RUNTIME ERROR"), std::string::npos);
  EXPECT_EQ(e.details().find("kgen!"), std::string::npos);
}

TEST(Evaluator, PreludeDoesNotShiftErrorColumnsOnLineOne) {
  TempDir dir;
  const std::string file = dir.write("c.jsonnet", "std.extVar('x') + {}.missing");
  const Error e = error_of(file, {{}, {{"x", "{}"}}});
  EXPECT_EQ(e.where().line, 1);
  EXPECT_EQ(e.where().column, 19);
}

TEST(Evaluator, StaticErrorLocation) {
  TempDir dir;
  const std::string file = dir.write("c.jsonnet", "{\n  a: ,\n}\n");
  const Error e = error_of(file);
  EXPECT_EQ(e.where().line, 2);
  EXPECT_EQ(e.message().rfind("STATIC ERROR: ", 0), 0u);
}

TEST(Evaluator, MissingImportIsReported) {
  TempDir dir;
  const std::string file = dir.write("c.jsonnet", "import 'nope.libsonnet'");
  const Error e = error_of(file);
  EXPECT_NE(e.message().find("couldn't open import \"nope.libsonnet\""), std::string::npos);
  EXPECT_EQ(e.where().line, 1);
}

TEST(Evaluator, UnusedMissingImportIsLazy) {
  TempDir dir;
  const std::string file = dir.write("c.jsonnet", "local unused = import 'nope.libsonnet'; {ok: true}");
  EXPECT_EQ(value_of(file), json::parse(R"({"ok": true})"));
}

TEST(Evaluator, UnusedImportOfBrokenFileIsLazy) {
  TempDir dir;
  dir.write("broken.libsonnet", "{ a: ");
  const std::string file = dir.write("c.jsonnet", "local unused = import 'broken.libsonnet';\n{ ok: true }");
  EXPECT_EQ(value_of(file), json::parse(R"({"ok": true})"));
}

TEST(Evaluator, UsedImportOfBrokenFileReportsItsStaticError) {
  TempDir dir;
  const std::string broken = dir.write("broken.libsonnet", "{\n  a: ,\n}");
  const std::string file = dir.write("c.jsonnet", "(import 'broken.libsonnet').a");
  const Error e = error_of(file);
  EXPECT_EQ(e.where().file, broken);
  EXPECT_EQ(e.where().line, 2);
  EXPECT_EQ(e.message().rfind("STATIC ERROR: ", 0), 0u);
}

TEST(Evaluator, ColumnsAfterAnImportOnTheSameLineStayRight) {
  TempDir dir;
  dir.write("lib.libsonnet", "{}");
  const std::string file = dir.write("c.jsonnet", "(import 'lib.libsonnet') + {}.missing");
  const Error e = error_of(file);
  EXPECT_EQ(e.where().line, 1);
  EXPECT_EQ(e.where().column, 28);
}

// K8: recorded with ks 0.13.1 (tests/compat/ks/lang_crlf_textblock.json): an imported file's
// CRLF text block kept its CRs, and so did a lone CR.
TEST(Evaluator, TextBlocksKeepCarriageReturnsAsKsDid) {
  TempDir dir;
  EXPECT_EQ(value_of(dir.write("crlf.libsonnet", "{\r\n  a: |||\r\n    x\r\n    y\r\n  |||,\r\n  b: |||\n    p\rq\n    r\r\n  |||,\r\n}\r\n")),
            json({{"a", "x\r\ny\r\n"}, {"b", "p\rq\nr\r\n"}}));
}

TEST(Evaluator, ImportstrOfDataFilesIsServedVerbatim) {
  TempDir dir;
  dir.write("data.txt", "extVar is just text\n");
  const std::string file = dir.write("c.jsonnet", "importstr 'data.txt'");
  Evaluator ev({});
  const int ctx = ev.add_context({{}, {{"x", "1"}}});
  EXPECT_EQ(eval(ev, "import '" + ev.import_path(ctx, file) + "'"), "extVar is just text\n");
}

// kgen serves its own std.prune (linear instead of exponential in the depth); it must
// give exactly what libjsonnet's does. The prelude keeps the original as __kgen_std.
TEST(Evaluator, PruneEqualsLibjsonnetPrune) {
  TempDir dir;
  const std::string file = dir.write("c.jsonnet", R"(
local values = [
  null, true, 0, -1.5, "", "s", [], {}, [null], [[]], [{}], [1, null, [], {}, [null, {a: null}]],
  {a: null}, {a: [], b: {}, c: 0, d: "", e: false}, {a: {b: {c: {d: null}}}},
  {a: {b: {c: {d: 1, e: null}}}, f: [[[null]], [[1]]]},
  {visible: 1, hidden:: 2, alsoHidden:: null}, {nested: {h:: {x: 1}, v: {y: null}}},
  {x: 1} + {y:: 2} + {z: null},
  [{kind: "Job", spec: {template: {spec: {containers: [{env: [], args: null, name: "c"}]}}}}],
];
local f = function(x) x;
[
  [std.prune(v), __kgen_std.prune(v), std.prune(v) == __kgen_std.prune(v)]
  for v in values
] + [
  // Functions are kept as they are, at the top and inside values.
  std.type(std.prune(f)) == std.type(__kgen_std.prune(f)),
  std.objectFields(std.prune({g: f, n: null})) == std.objectFields(__kgen_std.prune({g: f, n: null})),
]
)");
  Evaluator ev({});
  const int ctx = ev.add_context({});
  const json result = eval(ev, "import '" + ev.import_path(ctx, file) + "'");
  ASSERT_EQ(result.size(), 22u);
  for (size_t i = 0; i < 20; ++i) {
    EXPECT_EQ(result[i][0], result[i][1]) << "value " << i;
    EXPECT_EQ(result[i][2], true) << "value " << i;
  }
  EXPECT_EQ(result[20], true);
  EXPECT_EQ(result[21], true);
}

TEST(Evaluator, JsonFunctionsTakeStringsAndReturnJson) {
  Evaluator ev({});
  ev.add_json_function("test.pairs", {"text", "key"}, [](const std::vector<std::string>& args) {
    json parsed = json::parse(args[0]);
    return json{{args[1], parsed}, {"count", parsed.size()}};
  });
  EXPECT_EQ(eval(ev, "std.native('test.pairs')('' + {b: [1, 2.5], h:: 0}, 'k')"),
            json::parse(R"({"k": {"b": [1, 2.5]}, "count": 1})"));
}

TEST(Evaluator, JsonFunctionErrorsBecomeJsonnetErrors) {
  Evaluator ev({});
  ev.add_json_function("test.fail", {"text"}, [](const std::vector<std::string>& args) -> json {
    if (args[0] == "json") return json::parse("{not json");
    throw Error("refused: " + args[0]);
  });
  auto message_of = [&](const std::string& code) {
    try {
      ev.evaluate("test", code);
    } catch (const Error& e) {
      return e.message();
    }
    return std::string("no error");
  };
  EXPECT_NE(message_of("std.native('test.fail')('x')").find("refused: x"), std::string::npos);
  EXPECT_NE(message_of("std.native('test.fail')('json')").find("test.fail: "), std::string::npos);
  EXPECT_NE(message_of("std.native('test.fail')(1)").find("test.fail: argument text must be a string"),
            std::string::npos);
}

TEST(Evaluator, RecordsFilesRead) {
  TempDir dir;
  dir.write("lib.libsonnet", "1");
  const std::string file = dir.write("c.jsonnet", "import 'lib.libsonnet'");
  Evaluator ev({});
  const int ctx = ev.add_context({});
  eval(ev, "import '" + ev.import_path(ctx, file) + "'");
  EXPECT_EQ(ev.files_read(), (std::vector<std::string>{file, dir.path() + "/lib.libsonnet"}));
}

}  // namespace
}  // namespace kgen::jsonnet
