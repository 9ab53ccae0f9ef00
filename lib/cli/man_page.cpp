#include "cli/man_page.h"

#include <sstream>

namespace kgen::cli {
namespace {

// Text as roff shows it literally: backslashes escaped, hyphens as \- (so that flags can
// be searched and copied), and a line starting with . or ' protected.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \n") - first + 1);
}

// "kgen renders ..." -> "renders ...": NAME already says kgen.
std::string without_own_name(const std::string& description) {
  return description.rfind("kgen ", 0) == 0 ? description.substr(5) : description;
}

std::string synopsis(const std::string& name, const Command& command) {
  std::string out = name;
  if (!command.flags.empty()) out += " [OPTIONS]";
  for (const Positional& p : command.positionals) {
    std::string arg = p.name;
    for (char& c : arg) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (p.repeatable) arg += "...";
    out += " " + (p.required ? arg : "[" + arg + "]");
  }
  return out;
}

void write_command(std::ostringstream& out, const std::string& name, const Command& command) {
  if (command.subcommands.empty() || !command.positionals.empty()) {
    out << ".SS \"" << roff(synopsis(name, command)) << "\"\n" << roff(command.description) << "\n";
    if (!command.aliases.empty()) {
      out << ".br\nAlso: ";
      for (size_t i = 0; i < command.aliases.size(); ++i) out << (i ? ", " : "") << roff(command.aliases[i]);
      out << ".\n";
    }
    for (const Positional& p : command.positionals) {
      out << ".TP\n.I " << roff(p.name) << "\n" << roff(p.description) << "\n";
    }
    for (const Flag& flag : command.flags) {
      if (flag.names == std::vector<std::string>{"-h", "--help"}) continue;  // every command has it (said once)
      out << ".TP\n.BR \"";
      for (size_t i = 0; i < flag.names.size(); ++i) out << (i ? ", " : "") << roff(flag.names[i]);
      out << "\"";
      if (flag.takes_value) out << " \" " << roff(flag.value_name) << "\"";
      out << "\n" << roff(flag.description) << "\n";
    }
    const std::string example = trim(command.footer);
    if (!example.empty()) out << ".PP\n.nf\n.RS\n" << roff(example) << "\n.RE\n.fi\n";
  }
  for (const Command& sub : command.subcommands) write_command(out, name + " " + sub.name, sub);
}

}  // namespace

std::string man_page(const Command& root, const std::string& version) {
  std::ostringstream out;
  out << ".TH KGEN 1 \"\" \"kgen " << roff(version) << "\" \"User Commands\"\n"
      << ".SH NAME\nkgen \\- " << roff(without_own_name(root.description)) << "\n"
      << ".SH SYNOPSIS\n.B kgen\n.I COMMAND\n[OPTIONS] [ARGUMENTS]\n"
      << ".SH COMMANDS\n";
  for (const Command& command : root.subcommands) out << ".TP\n.B " << roff(command.name) << "\n" << roff(command.description) << "\n";
  out << ".SH DESCRIPTION\nEach command, its arguments and its flags, as\n.B kgen COMMAND \\-\\-help\nprints them (each also takes\n.BR \\-h \", \" \\-\\-help ).\n";
  for (const Command& command : root.subcommands) write_command(out, "kgen " + command.name, command);
  out << ".SH SEE ALSO\n.BR kubectl (1).\nThe documentation's files: README.md and docs/ in kgen's source.\n";
  return out.str();
}

}  // namespace kgen::cli
