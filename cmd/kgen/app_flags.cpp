#include "kgen/app_flags.h"

#include <cstdlib>
#include <filesystem>

#include "common/error.h"
#include "common/files.h"

namespace kgen::cmd {
namespace {

// "name=value", or "name" alone, which takes the value of environment variable `name`.
void parse_assignment(const std::string& text, const std::string& flag, std::map<std::string, std::string>* out) {
  const size_t eq = text.find('=');
  if (eq == 0) throw Error(flag + " '" + text + "' has no name", "write " + flag + " name=value");
  if (eq == std::string::npos) {
    const char* value = std::getenv(text.c_str());
    if (value == nullptr) {
      throw Error(flag + " " + text + ": no value given and no environment variable " + text,
                  "write " + flag + " " + text + "=value or export " + text);
    }
    (*out)[text] = value;
    return;
  }
  (*out)[text.substr(0, eq)] = text.substr(eq + 1);
}

void parse_file_assignment(const std::string& text, const std::string& flag, std::map<std::string, std::string>* out) {
  const size_t eq = text.find('=');
  if (eq == 0 || eq == std::string::npos) {
    throw Error(flag + " '" + text + "' is not name=path", "write " + flag + " name=path/to/file");
  }
  (*out)[text.substr(0, eq)] = read_file(text.substr(eq + 1));
}

}  // namespace

void add_app_flags(CLI::App* command, AppFlags* flags) {
  command->add_option("--dir", flags->dir, "Folder inside the app (default: the current folder)");
}

void add_positional_words(CLI::App* command, const std::vector<std::pair<std::string, std::string>>& words,
                          std::vector<std::string>* out) {
  for (const auto& [name, description] : words) {
    command->add_option_function<std::string>(
        name, [out](const std::string& word) { out->push_back(word); }, description);
  }
}

void add_jsonnet_flags(CLI::App* command, JsonnetFlags* flags) {
  command->add_option("-J,--jpath", flags->jpath, "Additional Jsonnet library search path (lowest priority)")
      ->allow_extra_args(false);  // one value per flag, as ks took them
  command->add_option("-V,--ext-str", flags->ext_str, "External variable: name=value, or name to read $name")
      ->allow_extra_args(false);  // one value per flag, as ks took them
  command->add_option("--ext-str-file", flags->ext_str_file, "External variable from a file: name=path")
      ->allow_extra_args(false);  // one value per flag, as ks took them
  command->add_option("-A,--tla-str", flags->tla_str, "Top-level argument: name=value, or name to read $name")
      ->allow_extra_args(false);  // one value per flag, as ks took them
  command->add_option("--tla-str-file", flags->tla_str_file, "Top-level argument from a file: name=path")
      ->allow_extra_args(false);  // one value per flag, as ks took them
  command->add_option("-j,--jobs", flags->jobs,
                      "Threads rendering a large app (default: one per CPU; the output does not depend on it)")
      ->check(CLI::PositiveNumber);
}

void apply_jsonnet_flags(const JsonnetFlags& flags, render::RenderOptions* options) {
  options->jobs = flags.jobs;
  for (const auto& path : flags.jpath) {
    options->jpaths.push_back(std::filesystem::absolute(path).lexically_normal().string());
  }
  for (const auto& text : flags.ext_str) parse_assignment(text, "--ext-str", &options->ext_str);
  for (const auto& text : flags.ext_str_file) parse_file_assignment(text, "--ext-str-file", &options->ext_str);
  for (const auto& text : flags.tla_str) parse_assignment(text, "--tla-str", &options->tla_str);
  for (const auto& text : flags.tla_str_file) parse_file_assignment(text, "--tla-str-file", &options->tla_str);
}

}  // namespace kgen::cmd
