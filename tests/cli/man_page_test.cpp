#include <gtest/gtest.h>

#include "cli/man_page.h"

namespace kgen::cli {
namespace {

Command sample() {
  Command root;
  root.description = "renders ks apps";
  Command env;
  env.name = "env";
  env.description = "Environments";
  Command rm;
  rm.name = "rm";
  rm.aliases = {"remove"};
  rm.description = "Remove an environment";
  rm.footer = "\nExample:\n  kgen env rm dev\n";
  Positional name;
  name.name = "name";
  name.description = "Environment";
  name.required = true;
  rm.positionals.push_back(name);
  Flag dir;
  dir.names = {"--dir"};
  dir.takes_value = true;
  dir.value_name = "TEXT";
  dir.description = ".ks_environment's folder, with a \\ in it";
  rm.flags.push_back(dir);
  env.subcommands.push_back(rm);
  root.subcommands.push_back(env);
  return root;
}

TEST(ManPage, TitleNameAndEveryCommandWithItsSynopsis) {
  const std::string page = man_page(sample(), "1.2.3");
  EXPECT_EQ(page.rfind(".TH KGEN 1 \"\" \"kgen 1.2.3\" \"User Commands\"\n", 0), 0u) << page;
  EXPECT_NE(page.find(".SH NAME\nkgen \\- renders ks apps\n"), std::string::npos) << page;
  EXPECT_NE(page.find(".TP\n.B env\nEnvironments\n"), std::string::npos) << page;
  EXPECT_NE(page.find(".SS \"kgen env rm [OPTIONS] NAME\"\nRemove an environment\n"), std::string::npos) << page;
  EXPECT_NE(page.find("Also: remove."), std::string::npos) << page;
}

TEST(ManPage, FlagsAndExamplesAreEscapedForRoff) {
  const std::string page = man_page(sample(), "1.2.3");
  EXPECT_NE(page.find(".BR \"\\-\\-dir\" \" TEXT\"\n"), std::string::npos) << page;
  // A description starting with a dot would be a roff request; a backslash an escape.
  EXPECT_NE(page.find("\n\\&.ks_environment's folder, with a \\e in it\n"), std::string::npos) << page;
  EXPECT_NE(page.find(".nf\n.RS\nExample:\n  kgen env rm dev\n.RE\n.fi\n"), std::string::npos) << page;
}

}  // namespace
}  // namespace kgen::cli
