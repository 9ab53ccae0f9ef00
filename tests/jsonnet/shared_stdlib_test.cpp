// The standard library as kgen's patched libjsonnet serves it: shared by every VM of the
// process, each function lexed, parsed and desugared the first time it is called
// (third_party/jsonnet/patches/0005). Each ctest case runs in its own process, so the
// functions these tests call are built here, not by an earlier test.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "common/error.h"
#include "jsonnet/evaluator.h"

namespace kgen::jsonnet {
namespace {

using nlohmann::json;

json eval(const std::string& code) {
  Evaluator ev({});
  return json::parse(ev.evaluate("test.jsonnet", code));
}

// The error's message with its details (libjsonnet's stack trace).
std::string error_of(const std::string& code) {
  Evaluator ev({});
  try {
    ev.evaluate("test.jsonnet", code);
  } catch (const Error& e) {
    return e.message() + "\n" + e.details();
  }
  ADD_FAILURE() << "no error from " << code;
  return "";
}

TEST(SharedStdlib, NamedArgumentsBindTheParametersOfFunctionsBuiltOnFirstUse) {
  EXPECT_EQ(eval(R"(std.join(sep="-", arr=["a", "b"]))"), "a-b");
  EXPECT_EQ(eval(R"(std.mapWithKey(func=function(k, v) k + v, obj={a: "1"}))"), json({{"a", "a1"}}));
  EXPECT_EQ(eval(R"(std.foldl(init=0, arr=[1, 2, 3], func=function(acc, x) acc + x))"), 6);
}

TEST(SharedStdlib, ObjectLocalsOfStdJsonnetAreBoundInEachFunction) {
  // manifestIni's body uses `local a = ..., b = ...;` (commas inside one member), base64
  // the object's base64_table local, parseOctal the object's parse_nat local.
  EXPECT_EQ(eval(R"(std.manifestIni({main: {a: 1}, sections: {s: {b: [2, 3]}}}))"),
            "a = 1\n[s]\nb = 2\nb = 3\n");
  EXPECT_EQ(eval(R"(std.base64("kgen"))"), "a2dlbg==");
  EXPECT_EQ(eval(R"(std.parseOctal("17"))"), 15);
}

TEST(SharedStdlib, ErrorsInsideStdFunctionsNameTheLinesOfTheWholeStdJsonnet) {
  // The same trace as Debian's jsonnet 0.18 prints for these (its std.jsonnet, whole).
  EXPECT_NE(error_of("std.mapWithKey(function(k) k, {a: 1})").find("std.jsonnet:263:14-29"), std::string::npos);
  EXPECT_NE(error_of(R"(std.parseOctal("9"))").find("std.jsonnet:(90:7)-(91:31)"), std::string::npos);
}

TEST(SharedStdlib, ThreadsBuildEveryFunctionConcurrentlyWithTheSameResult) {
  // Every field of std evaluated (which builds its body) on eight threads at once.
  const std::string code = "[std.type(std[f]) for f in std.objectFieldsAll(std)] + [std.join(',', ['x', 'y'])]";
  std::vector<json> results(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, &code, i] { results[i] = eval(code); });
  }
  for (auto& t : threads) t.join();
  ASSERT_TRUE(results[0].is_array());
  EXPECT_GT(results[0].size(), 100u);
  EXPECT_EQ(results[0].back(), "x,y");
  for (const auto& r : results) EXPECT_EQ(r, results[0]);
}

}  // namespace
}  // namespace kgen::jsonnet
