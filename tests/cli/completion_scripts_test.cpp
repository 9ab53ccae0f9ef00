#include <gtest/gtest.h>

#include "cli/completion_scripts.h"
#include "common/error.h"

namespace kgen::cli {
namespace {

TEST(CompletionScripts, EachShellsScriptAsksKgenForTheCandidates) {
  ASSERT_EQ(completion_shells(), (std::vector<std::string>{"bash", "zsh", "fish"}));
  for (const std::string& shell : completion_shells()) {
    const std::string script = completion_script(shell);
    EXPECT_NE(script.find("__complete"), std::string::npos) << shell;
    EXPECT_NE(script.find("__files__"), std::string::npos) << shell;
    EXPECT_NE(script.find("__dirs__"), std::string::npos) << shell;
  }
  EXPECT_NE(completion_script("bash").find("complete -F _kgen kgen"), std::string::npos);
  EXPECT_EQ(completion_script("zsh").rfind("#compdef kgen\n", 0), 0u);  // autoloaded from site-functions
  EXPECT_NE(completion_script("fish").find("complete -c kgen"), std::string::npos);
}

TEST(CompletionScripts, AnUnknownShellIsAnError) {
  EXPECT_THROW(completion_script("tcsh"), Error);
}

}  // namespace
}  // namespace kgen::cli
