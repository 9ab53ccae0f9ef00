// kgen version
#include <iostream>

extern "C" {
#include <libjsonnet.h>
}

#include "common/version.h"
#include "kgen/commands.h"

namespace kgen::cmd {

void register_version(CLI::App& app, Action* action) {
  CLI::App* version = app.add_subcommand("version", "Print the versions of kgen and its Jsonnet evaluator");
  add_example(version, "kgen version");
  version->callback([action] {
    *action = [] {
      std::cout << "kgen version: " << kgen::kVersion << "\n"
                << "jsonnet version: " << jsonnet_version() << "\n";
      return 0;
    };
  });
}

}  // namespace kgen::cmd
