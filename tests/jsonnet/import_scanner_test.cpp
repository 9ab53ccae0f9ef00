#include "import_scanner.h"

#include <gtest/gtest.h>

namespace kgen::jsonnet {
namespace {

std::vector<std::string> paths(const std::string& source) {
  std::vector<std::string> out;
  for (const auto& site : scan_imports(source)) {
    out.push_back((site.kind == ImportSite::Kind::ImportStr ? "str:" : "") + site.path);
  }
  return out;
}

TEST(ImportScanner, FindsEveryStringForm) {
  EXPECT_EQ(paths(R"(local a = import "a.libsonnet", b = import 'b.libsonnet'; importstr @"c""q.txt")"),
            (std::vector<std::string>{"a.libsonnet", "b.libsonnet", "str:c\"q.txt"}));
}

TEST(ImportScanner, OffsetsCoverKeywordAndLiteral) {
  const std::string source = "x + import  \"k.libsonnet\" + y";
  const auto sites = scan_imports(source);
  ASSERT_EQ(sites.size(), 1u);
  EXPECT_EQ(source.substr(sites[0].begin, sites[0].end - sites[0].begin), "import  \"k.libsonnet\"");
}

TEST(ImportScanner, IgnoresCommentsStringsAndTextBlocks) {
  EXPECT_TRUE(paths("// import 'a'\n# import 'b'\n/* import 'c' */ 'import \"d\"'").empty());
  EXPECT_TRUE(paths("|||\n  import 'e'\n|||").empty());
  EXPECT_EQ(paths("|||\n  text\n||| + import 'f'"), (std::vector<std::string>{"f"}));
  EXPECT_EQ(paths("\"esc \\\" import 'no'\" + import 'yes'"), (std::vector<std::string>{"yes"}));
}

TEST(ImportScanner, KeywordsOnlyAsWholeIdentifiers) {
  EXPECT_TRUE(paths("local importer = 'x'; local my_import = 'y'; importer").empty());
}

TEST(ImportScanner, DecodesEscapes) {
  EXPECT_EQ(paths(R"(import "dir\/a\u0062.libsonnet")"), (std::vector<std::string>{"dir/ab.libsonnet"}));
}

}  // namespace
}  // namespace kgen::jsonnet
