// kgen: render, review and apply ksonnet-style apps.
//
// main() parses the command line, runs the chosen command and is the only place that
// turns a kgen::Error into a message and an exit status.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "common/error.h"
#include "kgen/commands.h"
#include "kgen/ks_parsing.h"

namespace kgen::cmd {

void print_warning(const std::string& message) { std::cerr << "kgen: warning: " << message << "\n"; }

void add_example(CLI::App* command, const std::string& example) { command->footer("\nExample:\n  " + example); }

namespace {

void print_error(const Error& error) {
  std::cerr << "kgen: error: " << error.one_line() << "\n";
  if (!error.details().empty()) std::cerr << error.details();
}

// ks's --dir was a global flag, taken before the command too (`ks --dir app show`).
// kgen's belongs to each command and may follow it, so a leading one moves to the end.
std::vector<char*> with_leading_dir_last(int argc, char** argv) {
  std::vector<char*> args(argv, argv + argc);
  const std::string first = argc > 1 ? argv[1] : "";
  const size_t count = first == "--dir" && argc > 2 ? 2 : first.rfind("--dir=", 0) == 0 ? 1 : 0;
  std::rotate(args.begin() + 1, args.begin() + 1 + static_cast<long>(count), args.end());
  return args;
}

}  // namespace
}  // namespace kgen::cmd

int main(int argc, char** argv) {
  using namespace kgen::cmd;
  CLI::App app{"kgen renders, reviews and applies ksonnet (ks) apps"};
  app.require_subcommand(1);
  Action action;
  register_show(app, &action);
  register_env(app, &action);
  register_component(app, &action);
  register_param(app, &action);
  register_app_setup(app, &action);
  register_golden(app, &action);
  register_apply(app, &action);
  register_review(app, &action);
  register_lib(app, &action);
  register_argocd(app, &action);
  register_module(app, &action);
  register_import(app, &action);
  register_registry(app, &action);
  register_pkg(app, &action);
  register_prototype(app, &action);
  register_generate(app, &action);
  register_version(app, &action);
  register_completion(app, &action);
  apply_ks_parsing(&app);
  try {
    std::vector<char*> args = with_leading_dir_last(argc, argv);
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::ParseError& e) {
    // ks exited 1 on every error, and scripts test for it (CLI11's own codes are 105+).
    return app.exit(e) == 0 ? 0 : 1;
  }
  try {
    return action ? action() : 0;
  } catch (const kgen::Error& e) {
    print_error(e);
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "kgen: error: " << e.what() << "\n";
    return 1;
  }
}
