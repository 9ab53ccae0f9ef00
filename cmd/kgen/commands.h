// Each command group registers its subcommands here; main() runs the chosen one.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace kgen::cmd {

// A command's body: returns the process exit status. kgen::Error escapes to main().
using Action = std::function<int()>;

void register_show(CLI::App& app, Action* action);
void register_version(CLI::App& app, Action* action);
void register_env(CLI::App& app, Action* action);
void register_component(CLI::App& app, Action* action);
void register_param(CLI::App& app, Action* action);
void register_app_setup(CLI::App& app, Action* action);
void register_golden(CLI::App& app, Action* action);
void register_apply(CLI::App& app, Action* action);   // apply, delete
void register_review(CLI::App& app, Action* action);  // diff, status, validate
void register_lib(CLI::App& app, Action* action);     // lib generate
void register_argocd(CLI::App& app, Action* action);  // argocd discover, generate, parameters
void register_module(CLI::App& app, Action* action);  // module create | list
void register_import(CLI::App& app, Action* action);
void register_registry(CLI::App& app, Action* action);   // registry add | list | describe | set
void register_pkg(CLI::App& app, Action* action);        // pkg install | list | describe | remove
void register_prototype(CLI::App& app, Action* action);  // prototype list | describe | search | preview | use
void register_generate(CLI::App& app, Action* action);   // generate (= prototype use)
void register_completion(CLI::App& app, Action* action); // completion, and the hidden __complete, __man

// Puts an example under a command's --help (each line after the first indented by two).
void add_example(CLI::App* command, const std::string& example);

// Printing shared by the commands: "kgen: warning: ..." on stderr.
void print_warning(const std::string& message);

}  // namespace kgen::cmd
