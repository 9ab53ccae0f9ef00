#include "kgen/ks_parsing.h"

#include <memory>
#include <string>

namespace kgen::cmd {
namespace {

struct GlobalFlags {
  int verbosity = 0;
  bool tls_skip_verify = false;
  std::string dir;
};

void apply_to(CLI::App* command) {
  for (CLI::Option* option : command->get_options()) {
    if (option->get_positional()) continue;  // see add_positional_words
    // pflag: `-o json -o json` is the last value; `-c a -c b` two values, each whole.
    option->allow_extra_args(false);
    if (option->get_items_expected_max() <= 1) option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  }
  for (CLI::App* sub : command->get_subcommands({})) {
    // An option a command does not know goes to its group, then to the global flags
    // (not for those that take any --PARAM VALUE, like prototype preview/use, nor for
    // the hidden `__complete`, whose every word is the user's, left unparsed).
    if (!sub->get_allow_extras() && !sub->get_prefix_command()) sub->fallthrough();
    apply_to(sub);
  }
}

}  // namespace

void apply_ks_parsing(CLI::App* app) {
  // ks's persistent flags. kgen logs nothing more with -v outside the cluster commands
  // (which have their own -v), and only they talk TLS (their --insecure-skip-tls-verify
  // also answers to --tls-skip-verify); --dir is each command's own, this one only
  // catches it after a command that works on no app (`version --dir x`).
  auto globals = std::make_shared<GlobalFlags>();
  app->add_flag("-v,--verbose", globals->verbosity, "Accepted for ks scripts: more log lines (cluster commands)");
  app->add_flag("--tls-skip-verify", globals->tls_skip_verify, "Accepted for ks scripts (cluster commands: see their --insecure-skip-tls-verify)");
  app->add_option("--dir", globals->dir, "Accepted for ks scripts: the app folder of commands that take one");
  app->callback([globals] {});  // keeps the flags' storage alive with the app
  apply_to(app);
}

}  // namespace kgen::cmd
