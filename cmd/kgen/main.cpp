// kgen: render, review and apply ksonnet-style apps.
//
// main() parses the command line, runs the chosen command and is the only place that
// turns a kgen::Error into a message and an exit status.
#include <iostream>

#include "common/error.h"
#include "kgen/commands.h"

namespace kgen::cmd {

void print_warning(const std::string& message) { std::cerr << "kgen: warning: " << message << "\n"; }

void add_example(CLI::App* command, const std::string& example) { command->footer("\nExample:\n  " + example); }

namespace {

void print_error(const Error& error) {
  std::cerr << "kgen: error: " << error.one_line() << "\n";
  if (!error.details().empty()) std::cerr << error.details();
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
  // ks's --dir (and the other flags of a command group) could follow the subcommand,
  // as in `ks pkg list --dir app`: an option a subcommand does not know goes to its group.
  for (CLI::App* group : app.get_subcommands({})) {
    for (CLI::App* command : group->get_subcommands({})) command->fallthrough();
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
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
