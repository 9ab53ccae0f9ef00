#include <gtest/gtest.h>

#include "cli/complete.h"

namespace kgen::cli {
namespace {

Flag flag(std::vector<std::string> names, bool takes_value, ValueKind kind = ValueKind::Text) {
  Flag f;
  f.names = std::move(names);
  f.takes_value = takes_value;
  f.description = "about " + f.names.back();
  f.kind = kind;
  return f;
}

Positional positional(const std::string& name, ValueKind kind, bool repeatable = false) {
  Positional p;
  p.name = name;
  p.kind = kind;
  p.repeatable = repeatable;
  return p;
}

Command command(const std::string& name) {
  Command c;
  c.name = name;
  c.description = "the " + name + " command";
  c.flags.push_back(flag({"-h", "--help"}, false));
  return c;
}

// A tree shaped like kgen's: a command with positionals and flags, a group, an alias,
// and a command that takes any --PARAM VALUE.
Command tree() {
  Command root = command("");
  Command show = command("show");
  show.positionals.push_back(positional("env", ValueKind::Environment));
  show.flags.push_back(flag({"-c", "--component"}, true, ValueKind::Component));
  show.flags.push_back(flag({"--dir"}, true, ValueKind::Directory));
  show.flags.push_back(flag({"--no-cache"}, false));
  show.flags.push_back(flag({"--kubeconfig"}, true, ValueKind::File));
  show.flags.push_back(flag({"-o", "--format"}, true));
  show.flags.back().choices = {"yaml", "json"};
  root.subcommands.push_back(show);
  Command env = command("env");
  env.flags.push_back(flag({"--dir"}, true, ValueKind::Directory));
  env.subcommands.push_back(command("list"));
  Command rm = command("rm");
  rm.positionals.push_back(positional("name", ValueKind::Environment));
  env.subcommands.push_back(rm);
  env.subcommands.push_back(command("set"));
  root.subcommands.push_back(env);
  Command golden = command("golden");
  Command update = command("update");
  update.positionals.push_back(positional("environments", ValueKind::Environment, true));
  golden.subcommands.push_back(update);
  root.subcommands.push_back(golden);
  Command use = command("use");
  use.aliases = {"generate"};
  use.takes_any_flag = true;
  use.positionals.push_back(positional("prototype", ValueKind::Text));
  use.positionals.push_back(positional("component", ValueKind::Text));
  use.flags.push_back(flag({"-m", "--module"}, true, ValueKind::Module));
  root.subcommands.push_back(use);
  return root;
}

struct Lookup {
  std::vector<std::pair<ValueKind, std::string>> calls;
  std::vector<std::string> operator()(ValueKind kind, const std::string& dir) {
    calls.emplace_back(kind, dir);
    switch (kind) {
      case ValueKind::Environment: return {"default", "dev", "prod"};
      case ValueKind::Component: return {"pets-pvc", "get-data-job", "web.server"};
      case ValueKind::Module: return {"/", "web"};
      default: return {};
    }
  }
};

std::vector<std::string> words_of(const Completion& completion) {
  std::vector<std::string> out;
  for (const Candidate& c : completion.candidates) out.push_back(c.word);
  return out;
}

std::vector<std::string> complete_words(const std::vector<std::string>& words, Lookup* lookup = nullptr) {
  Lookup own;
  Lookup* used = lookup != nullptr ? lookup : &own;
  return words_of(complete(tree(), words, [used](ValueKind k, const std::string& d) { return (*used)(k, d); }));
}

using Words = std::vector<std::string>;

TEST(Complete, CommandsAtTheTopAndByPrefix) {
  EXPECT_EQ(complete_words({""}), (Words{"show", "env", "golden", "use"}));
  EXPECT_EQ(complete_words({"s"}), (Words{"show"}));
  EXPECT_EQ(complete_words({"x"}), Words{});
}

TEST(Complete, CommandsCarryTheirDescriptions) {
  const Completion c = complete(tree(), {"g"}, Lookup());
  ASSERT_EQ(c.candidates.size(), 1u);
  EXPECT_EQ(c.candidates[0].description, "the golden command");
}

TEST(Complete, SubcommandsOfAGroupAndThroughAnAlias) {
  EXPECT_EQ(complete_words({"env", ""}), (Words{"list", "rm", "set"}));
  EXPECT_EQ(complete_words({"env", "r"}), (Words{"rm"}));
  // The alias leads to the same command: its second positional takes any text.
  EXPECT_EQ(complete_words({"generate", "-"}), (Words{"-h", "--help", "-m", "--module"}));
}

TEST(Complete, EnvironmentAndComponentNamesFromTheApp) {
  EXPECT_EQ(complete_words({"show", ""}), (Words{"default", "dev", "prod"}));
  EXPECT_EQ(complete_words({"show", "d"}), (Words{"default", "dev"}));
  EXPECT_EQ(complete_words({"show", "-c", ""}), (Words{"pets-pvc", "get-data-job", "web.server"}));
  EXPECT_EQ(complete_words({"show", "--component", "web"}), (Words{"web.server"}));
  EXPECT_EQ(complete_words({"env", "rm", "p"}), (Words{"prod"}));
  EXPECT_EQ(complete_words({"use", "--module", ""}), (Words{"/", "web"}));
}

TEST(Complete, PositionalsAreCountedPastFlagsAndTheirValues) {
  // show takes one environment: after it, nothing more.
  EXPECT_EQ(complete_words({"show", "dev", ""}), Words{});
  EXPECT_EQ(complete_words({"show", "-c", "pets-pvc", "--no-cache", ""}), (Words{"default", "dev", "prod"}));
  // A repeatable positional keeps offering names.
  EXPECT_EQ(complete_words({"golden", "update", "dev", "p"}), (Words{"prod"}));
  // --PARAM VALUE of a command that takes any flag is skipped as a pair.
  EXPECT_EQ(complete_words({"use", "--replicas", "3", "proto", ""}), Words{});
}

TEST(Complete, NamesComeFromTheAppTheDirFlagNames) {
  Lookup lookup;
  complete_words({"show", "--dir", "apps/one", ""}, &lookup);
  complete_words({"show", "--dir=apps/two", "-c", ""}, &lookup);
  complete_words({"show", ""}, &lookup);
  ASSERT_EQ(lookup.calls.size(), 3u);
  EXPECT_EQ(lookup.calls[0], std::make_pair(ValueKind::Environment, std::string("apps/one")));
  EXPECT_EQ(lookup.calls[1], std::make_pair(ValueKind::Component, std::string("apps/two")));
  EXPECT_EQ(lookup.calls[2].second, ".");
}

TEST(Complete, FlagsOfTheCommandThenOfItsGroup) {
  EXPECT_EQ(complete_words({"show", "--no"}), (Words{"--no-cache"}));
  EXPECT_EQ(complete_words({"env", "list", "--"}), (Words{"--help", "--dir"}));
  // After --, words are arguments, not flags.
  EXPECT_EQ(complete_words({"show", "--", "-"}), Words{});
}

TEST(Complete, FlagValuesAfterAnEqualsSign) {
  // zsh and fish pass --component=web as one word.
  EXPECT_EQ(complete_words({"show", "--component=web"}), (Words{"--component=web.server"}));
  EXPECT_EQ(complete_words({"show", "--no-cache=x"}), Words{});
  // bash splits it into --component, =, web.
  EXPECT_EQ(complete_words({"show", "--component", "=", "p"}), (Words{"pets-pvc"}));
  EXPECT_EQ(complete_words({"show", "--component", "=", "pets-pvc", ""}), (Words{"default", "dev", "prod"}));
}

TEST(Complete, TheValuesTheParserAcceptsWhenItChecksThem) {
  EXPECT_EQ(complete_words({"show", "-o", ""}), (Words{"yaml", "json"}));
  EXPECT_EQ(complete_words({"show", "--format=j"}), (Words{"--format=json"}));
}

TEST(Complete, FileAndFolderValuesAreLeftToTheShell) {
  const Completion file = complete(tree(), {"show", "--kubeconfig", ""}, Lookup());
  EXPECT_TRUE(file.files);
  EXPECT_TRUE(file.candidates.empty());
  const Completion dir = complete(tree(), {"show", "--dir", "ap"}, Lookup());
  EXPECT_TRUE(dir.directories);
  EXPECT_FALSE(dir.files);
}

TEST(Complete, OutsideAnAppThereAreNoNames) {
  const auto nothing = [](ValueKind, const std::string&) { return std::vector<std::string>{}; };
  EXPECT_TRUE(complete(tree(), {"show", ""}, nothing).candidates.empty());
  EXPECT_TRUE(complete(tree(), {}, nothing).candidates.empty());
}

}  // namespace
}  // namespace kgen::cli
