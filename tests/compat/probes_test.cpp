// ks-compatibility probes: each probes/NAME.jsonnet runs through `kgen show` in a throwaway
// app, as the real ks 0.13.1 ran it when ks/NAME.json was recorded (see README.md here), and
// kgen must print the same `data` (or fail where ks failed).
//
//   components/probe.jsonnet          wraps components/probe_body.libsonnet (holds the probe):
//                                     local __v = import "probe_body.libsonnet"; {... data: { out: __v } }
//   kslayer_* probes                  are written inline in the component instead, to see ks's
//                                     re-printing of component files; kslayer_plain_component
//                                     is a whole component.
//
// Probes still differing are listed in known_differences.tsv (probe, finding id, reason). A
// listed probe that matches fails the test too, so the list only shrinks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/case_files.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace kgen::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kCompat = fs::path(KGEN_SOURCE_DIR) / "tests/compat";

struct KnownDifference {
  std::string finding;
  std::string reason;
};

std::map<std::string, KnownDifference> known_differences() {
  std::map<std::string, KnownDifference> known;
  for (const auto& line : non_empty_lines(read_case_file(kCompat / "known_differences.tsv"))) {
    if (line[0] == '#') continue;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos) continue;
    known[line.substr(0, tab1)] = {line.substr(tab1 + 1, tab2 - tab1 - 1), line.substr(tab2 + 1)};
  }
  return known;
}

std::vector<std::string> probe_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCompat / "probes")) {
    if (entry.path().extension() == ".jsonnet") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// What ks printed for `name` (two large outputs are kept gzipped).
std::string ks_output(const std::string& name) {
  const fs::path plain = kCompat / "ks" / (name + ".json");
  if (fs::exists(plain)) return read_case_file(plain);
  const ProcessResult unzipped = run_process({"/bin/gzip", "-dc", (kCompat / "ks" / (name + ".json.gz")).string()}, ".");
  return unzipped.exit_code == 0 ? unzipped.out : std::string();
}

// Builds a json value in which every number is replaced by its literal text ("#num:1.5"),
// so numbers compare as they were printed (1e+21 and 1000000000000000000000 differ, as do
// two doubles one bit apart), and objects compare regardless of key order.
class LiteralNumbers : public nlohmann::json_sax<json> {
 public:
  json result;

  bool null() override { return put(nullptr); }
  bool boolean(bool v) override { return put(v); }
  bool number_integer(number_integer_t v) override { return put("#num:" + std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return put("#num:" + std::to_string(v)); }
  bool number_float(number_float_t, const string_t& s) override { return put("#num:" + s); }
  bool string(string_t& v) override { return put(v); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(json::object()); }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(json::array()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  std::vector<json*> stack_;
  std::string key_;

  json* insert(json v) {
    if (stack_.empty()) {
      result = std::move(v);
      return &result;
    }
    json& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return &top.back();
    }
    return &(top[key_] = std::move(v));
  }
  bool put(json v) {
    insert(std::move(v));
    return true;
  }
  bool open(json empty) {
    stack_.push_back(insert(std::move(empty)));
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }
};

// The `data` of the one object a `show -o json` printed, or null when `text` is not that.
json shown_data(std::string text) {
  // ks's recordings end with what std.trace wrote to stderr.
  if (const size_t trace = text.find("\nTRACE: "); trace != std::string::npos) text.resize(trace + 1);
  LiteralNumbers sax;
  if (!json::sax_parse(text, &sax)) return nullptr;
  const json& list = sax.result;
  if (!list.is_object() || !list.contains("items") || list["items"].size() != 1) return nullptr;
  const json& object = list["items"][0];
  return object.contains("data") ? object["data"] : json(nullptr);
}

// The throwaway app of the recording, with `probe` in place.
void write_probe_app(const TempDir& dir, const std::string& name, const std::string& probe) {
  fs::copy(kCompat / "app", dir.path(), fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const std::string object =
      "{ apiVersion: \"v1\", kind: \"ConfigMap\", metadata: { name: \"probe\" }, data: { out: __v } }\n";
  if (name == "kslayer_plain_component") {
    dir.write("components/probe.jsonnet", probe);
  } else if (name.rfind("kslayer_", 0) == 0) {
    dir.write("components/probe.jsonnet", "local __v = (\n" + probe + "\n);\n" + object);
  } else {
    dir.write("components/probe_body.libsonnet", probe);
    dir.write("components/probe.jsonnet", "local __v = import \"probe_body.libsonnet\";\n" + object);
  }
}

class Probe : public ::testing::TestWithParam<std::string> {};

TEST_P(Probe, SameAsKsOrListed) {
  const std::string name = GetParam();
  const std::string expected = ks_output(name);
  ASSERT_FALSE(expected.empty()) << "no recorded ks output for " << name;
  const bool ks_failed = expected.rfind("level=error", 0) == 0;

  TempDir dir;
  write_probe_app(dir, name, read_case_file(kCompat / "probes" / (name + ".jsonnet")));
  const ProcessResult result =
      run_process({KGEN_BINARY, "show", "default", "-c", "probe", "-o", "json", "--no-cache"}, dir.path(),
                  {{"KGEN_OPENAPI_DIR", (fs::path(dir.path()) / "no-openapi").string()}});

  bool same = false;
  std::string what;
  if (ks_failed) {
    same = result.exit_code != 0;
    what = "ks failed (" + expected.substr(0, 200) + "), kgen printed:\n" + result.out.substr(0, 2000);
  } else {
    const json want = shown_data(expected);
    ASSERT_FALSE(want.is_null()) << "unreadable ks output for " << name;
    const json got = result.exit_code == 0 ? shown_data(result.out) : json(nullptr);
    same = got == want;
    what = "ks: " + want.dump().substr(0, 2000) + "\nkgen (exit " + std::to_string(result.exit_code) +
           "): " + (got.is_null() ? result.err.substr(0, 2000) : got.dump().substr(0, 2000));
  }

  const auto known = known_differences();
  const auto listed = known.find(name);
  if (listed == known.end()) {
    EXPECT_TRUE(same) << name << " differs from ks (fix it, or list it in tests/compat/known_differences.tsv)\n"
                      << what;
  } else {
    EXPECT_FALSE(same) << name << " now matches ks: remove it from tests/compat/known_differences.tsv ("
                       << listed->second.finding << ": " << listed->second.reason << ")";
  }
}

INSTANTIATE_TEST_SUITE_P(Compat, Probe, ::testing::ValuesIn(probe_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(KnownDifferences, NameExistingProbesWithFindingAndReason) {
  const auto names = probe_names();
  for (const auto& [probe, difference] : known_differences()) {
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), probe)) << "no probe named " << probe;
    EXPECT_FALSE(difference.finding.empty()) << probe;
    EXPECT_TRUE(difference.reason == "not yet" || difference.reason.rfind("not yet (", 0) == 0 ||
                difference.reason.rfind("deliberate: ", 0) == 0)
        << probe << ": the reason is \"not yet\" or \"deliberate: why\", not " << difference.reason;
  }
}

}  // namespace
}  // namespace kgen::testing
