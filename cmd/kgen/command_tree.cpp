#include "kgen/command_tree.h"

#include <sstream>

namespace kgen::cmd {
namespace {

// CLI11 shows a CLI::IsMember check in the type name: "TEXT:{bash,zsh,fish}".
std::vector<std::string> choices_of(const std::string& type_name) {
  const auto open = type_name.find(":{");
  const auto close = type_name.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return {};
  std::vector<std::string> out;
  std::istringstream items(type_name.substr(open + 2, close - open - 2));
  std::string item;
  while (std::getline(items, item, ',')) out.push_back(item);
  return out;
}

cli::Flag describe_flag(const CLI::Option& option) {
  cli::Flag flag;
  for (const std::string& name : option.get_snames()) flag.names.push_back("-" + name);
  for (const std::string& name : option.get_lnames()) flag.names.push_back("--" + name);
  // A flag whose value is optional (--dry-run[=server]) does not take the next word.
  flag.takes_value = option.get_type_size() > 0 && option.get_expected_min() > 0;
  flag.value_name = option.get_type_name();
  flag.description = option.get_description();
  flag.kind = cli::value_kind(flag.names, flag.description);
  flag.choices = choices_of(flag.value_name);
  return flag;
}

cli::Positional describe_positional(const CLI::Option& option) {
  cli::Positional positional;
  positional.name = option.get_name();
  positional.description = option.get_description();
  positional.required = option.get_required();
  positional.repeatable = option.get_items_expected_max() > 1;
  positional.kind = cli::value_kind({positional.name}, positional.description);
  positional.choices = choices_of(option.get_type_name());
  return positional;
}

}  // namespace

cli::Command describe_commands(const CLI::App& app) {
  cli::Command command;
  command.name = app.get_name();
  command.aliases = app.get_aliases();
  command.description = app.get_description();
  command.footer = app.get_footer();
  command.takes_any_flag = app.get_allow_extras();
  for (const CLI::Option* option : app.get_options({})) {
    if (option->get_group().empty()) continue;  // hidden (test-only flags such as --poll-interval-ms)
    if (option->get_positional()) {
      command.positionals.push_back(describe_positional(*option));
    } else {
      command.flags.push_back(describe_flag(*option));
    }
  }
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!sub->get_group().empty()) command.subcommands.push_back(describe_commands(*sub));
  }
  return command;
}

}  // namespace kgen::cmd
