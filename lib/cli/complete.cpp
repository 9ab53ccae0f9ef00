#include "cli/complete.h"

#include <algorithm>
#include <set>

namespace kgen::cli {
namespace {

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

const Command* subcommand_named(const Command& command, const std::string& word) {
  for (const Command& sub : command.subcommands) {
    if (sub.name == word || std::find(sub.aliases.begin(), sub.aliases.end(), word) != sub.aliases.end()) return &sub;
  }
  return nullptr;
}

// A flag of the command or, as main() lets unknown flags fall through, of its parents.
const Flag* flag_named(const std::vector<const Command*>& path, const std::string& word) {
  for (auto command = path.rbegin(); command != path.rend(); ++command) {
    for (const Flag& flag : (*command)->flags) {
      if (std::find(flag.names.begin(), flag.names.end(), word) != flag.names.end()) return &flag;
    }
  }
  return nullptr;
}

const Positional* positional_at(const Command& command, size_t index) {
  if (command.positionals.empty()) return nullptr;
  if (index < command.positionals.size()) return &command.positionals[index];
  return command.positionals.back().repeatable ? &command.positionals.back() : nullptr;
}

void add_values(ValueKind kind, const std::vector<std::string>& choices, const std::string& current,
                const std::string& dir, const NameLookup& names, Completion* out) {
  for (const std::string& choice : choices) {
    if (starts_with(choice, current)) out->candidates.push_back({choice, ""});
  }
  if (!choices.empty()) return;
  switch (kind) {
    case ValueKind::File: out->files = true; return;
    case ValueKind::Directory: out->directories = true; return;
    case ValueKind::Text: return;
    default: break;
  }
  for (const std::string& name : names(kind, dir)) {
    if (starts_with(name, current)) out->candidates.push_back({name, ""});
  }
}

}  // namespace

Completion complete(const Command& root, const std::vector<std::string>& words, const NameLookup& names) {
  Completion out;
  if (words.empty()) return out;
  std::vector<const Command*> path = {&root};
  size_t positionals = 0;
  std::string dir = ".";
  const Flag* awaiting = nullptr;  // the flag whose value the previous word left open
  bool options_ended = false;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& word = words[i];
    if (awaiting != nullptr) {
      if (word == "=") continue;  // bash splits --flag=value at '=' (COMP_WORDBREAKS)
      if (std::find(awaiting->names.begin(), awaiting->names.end(), "--dir") != awaiting->names.end()) dir = word;
      awaiting = nullptr;
      continue;
    }
    if (word == "--") {
      options_ended = true;
      continue;
    }
    if (!options_ended && starts_with(word, "-") && word.size() > 1) {
      const auto equals = word.find('=');
      const Flag* flag = flag_named(path, word.substr(0, equals));
      if (flag != nullptr && flag->takes_value) {
        if (equals == std::string::npos) {
          awaiting = flag;
        } else if (word.compare(0, 6, "--dir=") == 0) {
          dir = word.substr(equals + 1);
        }
      } else if (flag == nullptr && path.back()->takes_any_flag && equals == std::string::npos) {
        ++i;  // --PARAM VALUE
      }
      continue;
    }
    const Command* sub = positionals == 0 ? subcommand_named(*path.back(), word) : nullptr;
    if (sub != nullptr) {
      path.push_back(sub);
    } else {
      ++positionals;
    }
  }
  const std::string& current = words.back();
  const Command& command = *path.back();
  if (awaiting != nullptr) {
    add_values(awaiting->kind, awaiting->choices, current, dir, names, &out);
    return out;
  }
  if (!options_ended && starts_with(current, "--") && current.find('=') != std::string::npos) {
    // --flag=VALUE as one word (zsh, fish): names offered with the flag in front.
    const auto equals = current.find('=');
    const Flag* flag = flag_named(path, current.substr(0, equals));
    if (flag == nullptr || !flag->takes_value || flag->kind == ValueKind::File || flag->kind == ValueKind::Directory) {
      return out;
    }
    add_values(flag->kind, flag->choices, current.substr(equals + 1), dir, names, &out);
    for (Candidate& candidate : out.candidates) candidate.word = current.substr(0, equals + 1) + candidate.word;
    return out;
  }
  if (!options_ended && starts_with(current, "-")) {
    std::set<std::string> seen;
    for (auto c = path.rbegin(); c != path.rend(); ++c) {
      for (const Flag& flag : (*c)->flags) {
        for (const std::string& name : flag.names) {
          if (starts_with(name, current) && seen.insert(name).second) out.candidates.push_back({name, flag.description});
        }
      }
      if (*c != &command) break;  // the group's flags only after the command's own
    }
    return out;
  }
  if (positionals == 0) {
    for (const Command& sub : command.subcommands) {
      if (starts_with(sub.name, current)) out.candidates.push_back({sub.name, sub.description});
    }
  }
  if (const Positional* positional = positional_at(command, positionals)) {
    add_values(positional->kind, positional->choices, current, dir, names, &out);
  }
  return out;
}

}  // namespace kgen::cli
