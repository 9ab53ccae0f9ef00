// Flags every app command takes (--dir) and the Jsonnet flags of show/apply/diff/...
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <utility>
#include <vector>

#include "render/render.h"

namespace kgen::cmd {

struct AppFlags {
  std::string dir = ".";
};

struct JsonnetFlags {
  std::vector<std::string> jpath;
  std::vector<std::string> ext_str;
  std::vector<std::string> ext_str_file;
  std::vector<std::string> tla_str;
  std::vector<std::string> tla_str_file;
  size_t jobs = 0;
};

void add_app_flags(CLI::App* command, AppFlags* flags);

// Positional words (in order, none required) appended to `out` as given. A
// vector positional would not do: CLI11 splits a value written [a,b] at its commas, and
// ks took `param set app components '["a","b"]'` as one value.
// Each word is a name and its description.
void add_positional_words(CLI::App* command, const std::vector<std::pair<std::string, std::string>>& words,
                          std::vector<std::string>* out);
void add_jsonnet_flags(CLI::App* command, JsonnetFlags* flags);

// Fills the Jsonnet part of render options: reads --*-file values, resolves -J paths,
// takes "-V NAME" without a value from the environment. Throws kgen::Error.
void apply_jsonnet_flags(const JsonnetFlags& flags, render::RenderOptions* options);

}  // namespace kgen::cmd
