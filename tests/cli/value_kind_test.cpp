#include <gtest/gtest.h>

#include "cli/command_tree.h"

namespace kgen::cli {
namespace {

TEST(ValueKind, EnvironmentsByNameOrByTheirHelpText) {
  EXPECT_EQ(value_kind({"env"}, "Environment (default: the current one)"), ValueKind::Environment);
  EXPECT_EQ(value_kind({"env1"}, "First environment"), ValueKind::Environment);
  EXPECT_EQ(value_kind({"environments"}, "Environments (default: all)"), ValueKind::Environment);
  EXPECT_EQ(value_kind({"--env"}, "After this environment's overrides"), ValueKind::Environment);
  EXPECT_EQ(value_kind({"name"}, "Environment"), ValueKind::Environment);
  // env add's NAME is a new environment: nothing to offer.
  EXPECT_EQ(value_kind({"name"}, "Environment name"), ValueKind::Text);
}

TEST(ValueKind, ExistingComponentsButNotNewOnes) {
  EXPECT_EQ(value_kind({"-c", "--component"}, "Only this component (repeatable)"), ValueKind::Component);
  EXPECT_EQ(value_kind({"component"}, "Only this component"), ValueKind::Component);
  EXPECT_EQ(value_kind({"name"}, "Component (module components as module.name)"), ValueKind::Component);
  EXPECT_EQ(value_kind({"component"}, "Name of the new component"), ValueKind::Text);
}

TEST(ValueKind, ModulesFoldersFilesAndText) {
  EXPECT_EQ(value_kind({"-m", "--module"}, "Module"), ValueKind::Module);
  EXPECT_EQ(value_kind({"--dir"}, "Folder inside the app"), ValueKind::Directory);
  EXPECT_EQ(value_kind({"-J", "--jpath"}, "extra library folder"), ValueKind::Directory);
  EXPECT_EQ(value_kind({"--kubeconfig"}, "kubeconfig file"), ValueKind::File);
  EXPECT_EQ(value_kind({"--ext-str-file"}, "NAME=FILE"), ValueKind::File);
  EXPECT_EQ(value_kind({"-f", "--filename"}, "a manifest"), ValueKind::File);
  EXPECT_EQ(value_kind({"-o", "--output"}, "Output format: table or json"), ValueKind::Text);
}

}  // namespace
}  // namespace kgen::cli
