// kgen's commands and flags as plain data, taken from the parser that runs them
// (cmd/kgen/command_tree.cpp), so that shell completion and the man page follow every
// new command or flag without a second list to keep.
#pragma once

#include <string>
#include <vector>

namespace kgen::cli {

// What the value of a flag or positional argument names, for completion.
enum class ValueKind { Text, Environment, Component, Module, File, Directory };

struct Flag {
  std::vector<std::string> names;  // "-c", "--component"
  bool takes_value = false;
  std::string value_name;          // "TEXT", "INT", ... as --help shows it
  std::string description;
  ValueKind kind = ValueKind::Text;
  std::vector<std::string> choices;  // the only values the parser accepts, when it checks them
};

struct Positional {
  std::string name;  // "env"
  std::string description;
  bool required = false;
  bool repeatable = false;
  ValueKind kind = ValueKind::Text;
  std::vector<std::string> choices;
};

struct Command {
  std::string name;  // empty for the root
  std::vector<std::string> aliases;
  std::string description;
  std::string footer;  // the example under --help
  std::vector<Flag> flags;
  std::vector<Positional> positionals;
  std::vector<Command> subcommands;  // hidden ones left out
  bool takes_any_flag = false;       // --PARAM VALUE commands (prototype use, generate)
};

// What an argument names, read from its name and help text as the commands declare them:
// `env`, `env1`, `environments`, `--env` and a positional described as "Environment" name
// environments; `component`, `-c/--component` (unless the help says it is a new one) and a
// positional described as "Component ..." name components; `--module` modules; `--dir`,
// `--out`, `-J` folders; `-f`, `--kubeconfig`, `--*-file`, `--values-file` files.
ValueKind value_kind(const std::vector<std::string>& names, const std::string& description);

}  // namespace kgen::cli
