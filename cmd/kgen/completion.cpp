// kgen completion bash|zsh|fish, and two hidden commands that read the command tree
// main() built: `__complete WORD...` (what the completion scripts call on TAB) and
// `__man` (kgen.1, written by the build).
#include <iostream>
#include <string>
#include <vector>

#include "cli/app_names.h"
#include "cli/complete.h"
#include "cli/completion_scripts.h"
#include "cli/man_page.h"
#include "common/version.h"
#include "kgen/command_tree.h"
#include "kgen/commands.h"

namespace kgen::cmd {
namespace {

int print_candidates(const CLI::App& app, const std::vector<std::string>& words) {
  const cli::Completion completion = cli::complete(describe_commands(app), words, cli::app_names);
  if (completion.files) std::cout << "__files__\n";
  if (completion.directories) std::cout << "__dirs__\n";
  for (const cli::Candidate& candidate : completion.candidates) {
    std::cout << candidate.word;
    if (!candidate.description.empty()) std::cout << '\t' << candidate.description;
    std::cout << '\n';
  }
  return 0;
}

}  // namespace

void register_completion(CLI::App& app, Action* action) {
  CLI::App* completion = app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
  auto shell = std::make_shared<std::string>();
  completion->add_option("shell", *shell, "bash, zsh or fish")->required()->check(CLI::IsMember(cli::completion_shells()));
  add_example(completion, "source <(kgen completion bash)    # or: kgen completion zsh > \"${fpath[1]}/_kgen\"");
  completion->callback([action, shell] {
    *action = [shell] {
      std::cout << cli::completion_script(*shell);
      return 0;
    };
  });

  // Every word after __complete is the user's, flags included: none is parsed here.
  CLI::App* candidates = app.add_subcommand("__complete", "")->group("");
  candidates->prefix_command();
  candidates->set_help_flag();
  candidates->callback([&app, action, candidates] {
    *action = [&app, words = candidates->remaining()] { return print_candidates(app, words); };
  });

  CLI::App* man = app.add_subcommand("__man", "")->group("");
  man->callback([&app, action] {
    *action = [&app] {
      std::cout << cli::man_page(describe_commands(app), kVersion);
      return 0;
    };
  });
}

}  // namespace kgen::cmd
