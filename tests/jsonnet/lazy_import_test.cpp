// Large imported files built member by member on first use (jsonnet_lazy_imports,
// third_party/jsonnet/patches/0006 and 0007) give what building them whole gave: the same values
// and the same error messages and stack traces (file:line of every frame), checked on the
// ksonnet-lib ks generated for v1.8.0 (tests/fixtures/kslib) and on small shapes.
#include <gtest/gtest.h>

extern "C" {
#include <libjsonnet.h>
}

#include <cstdio>
#include <cstring>
#include <map>
#include <string>

// Only kgen's patched libjsonnet has jsonnet_lazy_imports (-DKGEN_PATCHED_JSONNET=OFF
// links Debian's).
#ifdef KGEN_LAZY_IMPORTS
namespace {

std::string gunzip(const std::string& path) {
  std::string out;
  FILE* pipe = popen(("gzip -dc '" + path + "'").c_str(), "r");
  char buf[65536];
  for (size_t n; pipe != nullptr && (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  if (pipe != nullptr) pclose(pipe);
  return out;
}

const std::map<std::string, std::string>& files() {
  static const std::map<std::string, std::string> f = [] {
    std::map<std::string, std::string> m;
    m["k8s.libsonnet"] = gunzip(std::string(KGEN_SOURCE_DIR) + "/tests/fixtures/kslib/v1.8.0-k8s.libsonnet.gz");
    FILE* k = fopen((std::string(KGEN_SOURCE_DIR) + "/tests/e2e/apps/kslib-v1.8.0/lib/ksonnet-lib/v1.8.0/k.libsonnet").c_str(), "r");
    char buf[65536];
    size_t n = k != nullptr ? fread(buf, 1, sizeof buf, k) : 0;
    if (k != nullptr) fclose(k);
    m["k.libsonnet"] = std::string(buf, n);
    // Small shapes: leading locals, object locals used by fields and by a nested object,
    // $, methods with defaults, a `local a = 1, b = 2;` inside a field, strings holding
    // braces and commas, a text block; padded past the threshold with a comment.
    m["shapes.libsonnet"] = "local outer = 10; local twice(x) = 2 * x;\n"
                            "{\n"
                            "  local hidden = { deep: { v: outer + 1 } },\n"
                            "  a:: hidden.deep.v,\n"
                            "  b(x, y=2):: x * y + twice(outer),\n"
                            "  c: { local n = 'c,}{', name: n + $.d, nested: { local m = 3, m: m + self.k, k: 1 } },\n"
                            "  d: 'd',\n"
                            "  e:: local p = 1, q = 2; p + q,\n"
                            "  f: |||\n    text, with } braces\n  |||,\n"
                            "  g:: error 'g failed',\n"
                            "  h:: { deep: { deeper: self.x + 1, x: 'x' } },\n"
                            "  // " + std::string(300, 'p') + "\n"
                            "}\n";
    // Nested objects of 1 KB or more (patch 0007 builds them when first evaluated): the
    // enclosing objects' locals and $ used deep down, a method, mixins, an error, and
    // objects that are not plain fields and locals (quoted names, +:, a comprehension),
    // which are built from their text instead.
    const std::string pad = "  // " + std::string(1100, 'p') + "\n";
    m["nested.libsonnet"] = "local top = 5;\n"
                            "{\n"
                            "  local hidden = {\n" + pad +
                            "    deep: { v: top + 1, w: $.name },\n"
                            "  },\n"
                            "  name: 'n',\n"
                            "  group:: {\n" + pad +
                            "    local kind = { kind: 'K' },\n"
                            "    version:: {\n" + pad +
                            "      local api = { apiVersion: 'g/v1' },\n"
                            "      new(n):: api + kind + { metadata: { name: n }, top: top, name: $.name, h: hidden.deep },\n"
                            "      mixin:: {\n" + pad +
                            "        spec:: { withX(x):: { spec+: { x: x } } },\n"
                            "      },\n"
                            "      broken:: {\n" + pad + "        inner: error 'broken in nested',\n      },\n"
                            "      quoted:: {\n" + pad + "        'a-b': 1, \"c\": kind,\n      },\n"
                            "      plus:: {\n" + pad + "        a: { b: 1 }, c: self.a + { b+: 1 }, d+: { e: 2 },\n      },\n"
                            "      comp:: {\n" + pad + "        [k]: k + $.name for k in ['x', 'y']\n      },\n"
                            "    },\n"
                            "  },\n"
                            "}\n";
    return m;
  }();
  return f;
}

char* serve(void* ctx, const char*, const char* rel, char** found_here, int* success) {
  auto* vm = static_cast<JsonnetVm*>(ctx);
  const auto it = files().find(rel);
  const std::string text = it == files().end() ? "no such file" : it->second;
  *success = it != files().end();
  if (*success) {
    *found_here = jsonnet_realloc(vm, nullptr, std::strlen(rel) + 1);
    std::memcpy(*found_here, rel, std::strlen(rel) + 1);
  }
  char* out = jsonnet_realloc(vm, nullptr, text.size() + 1);
  std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

// The output (or error text) of `code`, with large imports built lazily or whole.
std::string run(const std::string& code, bool lazy) {
  JsonnetVm* vm = jsonnet_make();
  jsonnet_import_callback(vm, &serve, vm);
  jsonnet_lazy_imports(vm, lazy ? 256 : 0);
  int error = 0;
  char* out = jsonnet_evaluate_snippet(vm, "main.jsonnet", code.c_str(), &error);
  std::string text = std::string(error ? "ERROR " : "") + out;
  jsonnet_realloc(vm, out, 0);
  jsonnet_destroy(vm);
  return text;
}

void expect_same(const std::string& code) {
  const std::string whole = run(code, false);
  EXPECT_EQ(run(code, true), whole) << code;
}

TEST(LazyImports, TheKsonnetLibBuildersGiveTheSameObjects) {
  expect_same(R"(local k = import "k.libsonnet";
local deployment = k.apps.v1beta1.deployment;
local container = deployment.mixin.spec.template.spec.containersType;
local service = k.core.v1.service;
k.core.v1.list.new([
  service.new("web", {app: "web"}, service.mixin.spec.portsType.new(80, 8080)).withType("NodePort"),
  deployment.new("web", 2, container.new("web", "nginx").withPorts(container.portsType.new(8080)), {app: "web"})
  + deployment.mixin.metadata.withNamespace("ns")
  + deployment.mapContainers(function(c) c + container.withImagePullPolicy("Always")),
]))");
}

TEST(LazyImports, EveryMemberOfTheLibraryBuildsAndGivesTheSameValue) {
  // Every member nine objects deep (groups, versions, kinds, their mixin trees: 2,863
  // functions), each built alone, and the hidden types one link leads to.
  const std::string code = R"(local k8s = import "k8s.libsonnet";
local isLink(f) = std.length(f) > 4 && std.substr(f, std.length(f) - 4, 4) == 'Type';
local walk(o, d) =
  if d == 0 then 'deep'
  else { [f]: local v = o[f]; if isLink(f) then 'link' else if std.type(v) == 'object' then walk(v, d - 1) else std.type(v)
         for f in std.objectFieldsAll(o) };
{
  library: walk(k8s, 9),
  container: walk(k8s.apps.v1beta1.deployment.mixin.spec.template.spec.containersType, 6),
})";
  const std::string whole = run(code, false);
  EXPECT_GT(whole.size(), 200000u);
  EXPECT_EQ(run(code, true), whole);
}

TEST(LazyImports, ABrokenLinkInTheLibraryFailsTheSameWay) {
  // ks's v1.8.0 library links volumeClaimTemplatesType to a hidden type it never wrote.
  const std::string code = R"((import "k8s.libsonnet").apps.v1beta1.statefulSet.mixin.spec.volumeClaimTemplatesType)";
  expect_same(code);
  EXPECT_NE(run(code, true).find("field does not exist"), std::string::npos);
}

TEST(LazyImports, AnErrorInsideTheLibraryHasTheSameTrace) {
  const std::string code = R"(local k = import "k.libsonnet";
local deployment = k.apps.v1beta1.deployment;
deployment.new("web", 1, [], {app: "web"}) + deployment.mixin.spec.template.metadata.withLabelsMixin(3))";
  const std::string whole = run(code, false);
  EXPECT_NE(whole.find("k8s.libsonnet:"), std::string::npos) << whole;
  EXPECT_EQ(run(code, true), whole);
}

TEST(LazyImports, SmallShapesGiveTheSameValuesAndErrors) {
  expect_same(R"(local s = import "shapes.libsonnet"; [s.a, s.b(3), s.b(x=1, y=5), s.c, s.e, s.f, s.h, s])");
  expect_same(R"((import "shapes.libsonnet").g)");
  expect_same(R"((import "shapes.libsonnet").nope)");
}

TEST(LazyImports, NestedObjectsBuiltOnFirstUseGiveTheSameValuesAndErrors) {
  const std::string v = R"(local v = (import "nested.libsonnet").group.version; )";
  expect_same(v + R"(v.new("a") + v.mixin.spec.withX(3))");
  expect_same(v + R"([v.quoted, v.plus, v.comp, std.objectFieldsAll(v)])");
  expect_same(R"(import "nested.libsonnet")");
  expect_same(v + R"(v.broken)");
  expect_same(v + R"(v.new("a") + v.mixin.spec.withX(3) + { z: v.broken.inner })");
  expect_same(v + R"(v.nope)");
  EXPECT_NE(run(v + R"(v.broken.inner)", true).find("nested.libsonnet:"), std::string::npos);
}

}  // namespace
#endif  // KGEN_LAZY_IMPORTS
