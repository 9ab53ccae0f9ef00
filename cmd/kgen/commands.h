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

// Printing shared by the commands: "kgen: warning: ..." on stderr.
void print_warning(const std::string& message);

}  // namespace kgen::cmd
