#include "jsonnet/format.h"

extern "C" {
#include <libjsonnet.h>
#include <libjsonnet_fmt.h>
}

#include <re2/re2.h>

#include <memory>
#include <string>

#include "common/error.h"

namespace kgen::jsonnet {

std::string format_jsonnet(const std::string& text, const std::string& file) {
  std::unique_ptr<JsonnetVm, void (*)(JsonnetVm*)> vm(jsonnet_make(), jsonnet_destroy);
  int error = 0;
  char* out = jsonnet_fmt_snippet(vm.get(), file.c_str(), text.c_str(), &error);
  std::string result = out;
  jsonnet_realloc(vm.get(), out, 0);
  if (error == 0) return result;
  // "STATIC ERROR: <file>:<line>:<col>[-<col>]: <message>"
  static const RE2 location(R"(:(\d+):(\d+)(?:-\d+)?: (.*))");
  int line = 0, column = 0;
  std::string message = result;
  RE2::PartialMatch(result, location, &line, &column, &message);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  throw Error("syntax error: " + message, "fix the file; it was not changed", {file, line, column});
}

}  // namespace kgen::jsonnet
