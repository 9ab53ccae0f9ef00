#include "jsonnet/evaluator.h"

extern "C" {
#include <libjsonnet.h>
#include <libjsonnet_fmt.h>
}

#include <cstdlib>
#include <cstring>
#include <list>
#include <map>
#include <string>

#include "common/error.h"
#include "common/files.h"
#include "common/sha256.h"
#include "jsonnet/error_translate.h"
#include "jsonnet/import_resolver.h"
#include "jsonnet/linker.h"
#include "jsonnet/natives.h"

namespace kgen::jsonnet {
namespace {

constexpr unsigned kGcMinObjects = 20000;

char* copy_to_jsonnet(JsonnetVm* vm, const std::string& s) {
  char* buf = jsonnet_realloc(vm, nullptr, s.size() + 1);
  std::memcpy(buf, s.c_str(), s.size() + 1);
  return buf;
}

// The part of the linked program a static error comes from: the part holding the
// error's line, or the last part before it (an unclosed bracket is only noticed later).
int static_error_part(const std::string& message, const LinkedProgram& program) {
  const size_t colon = message.find(':', std::char_traits<char>::length("STATIC ERROR: "));
  if (colon == std::string::npos) return -1;
  const int line = std::atoi(message.c_str() + colon + 1);
  int found = -1;
  for (size_t i = 0; i < program.parts.size(); ++i) {
    if (program.parts[i].first_line <= line) found = static_cast<int>(i);
  }
  return found;
}

// std.char(0xD800..0xDFFF) gives a surrogate, which libjsonnet writes as (invalid)
// UTF-8; go-jsonnet, as ks, wrote U+FFFD (D16).
std::string without_surrogates(std::string text) {
  for (size_t at = text.find('\xED'); at != std::string::npos; at = text.find('\xED', at + 1)) {
    if (at + 2 < text.size() && (static_cast<unsigned char>(text[at + 1]) & 0xE0) == 0xA0) text.replace(at, 3, "\xEF\xBF\xBD");
  }
  return text;
}

}  // namespace

extern const char* const kBuiltinKLibsonnet;

const char* builtin_k_libsonnet() { return kBuiltinKLibsonnet; }

struct Evaluator::Impl {
  JsonnetVm* vm = nullptr;
  ImportResolver resolver;
  std::string this_file_root;

  // A native registered with add_json_function; a list keeps each one's address stable
  // (libjsonnet holds it as the callback's context).
  struct JsonNative {
    JsonnetVm* vm;
    std::string name;
    std::vector<std::string> params;
    std::vector<const char*> param_names;  // null-terminated, into `params`
    JsonFunction fn;
  };
  std::list<JsonNative> json_natives;

  static JsonnetJsonValue* json_native_callback(void* ctx, const JsonnetJsonValue* const* argv, int* success) {
    auto* native = static_cast<JsonNative*>(ctx);
    std::vector<std::string> args;
    for (size_t i = 0; i < native->params.size(); ++i) {
      const char* arg = jsonnet_json_extract_string(native->vm, argv[i]);
      if (arg == nullptr) {
        *success = 0;
        return jsonnet_json_make_string(
            native->vm, (native->name + ": argument " + native->params[i] + " must be a string").c_str());
      }
      args.emplace_back(arg);
    }
    try {
      JsonnetJsonValue* result = json_to_jsonnet(native->vm, native->fn(args));
      *success = 1;
      return result;
    } catch (const Error& e) {
      *success = 0;
      return jsonnet_json_make_string(native->vm, e.message().c_str());
    } catch (const nlohmann::json::exception& e) {
      *success = 0;
      return jsonnet_json_make_string(native->vm, (native->name + ": " + e.what()).c_str());
    }
  }

  static char* import_callback(void* ctx, const char* base, const char* rel, char** found_here, int* success) {
    auto* self = static_cast<Impl*>(ctx);
    std::string found, content, error;
    if (self->resolver.resolve(base, rel, &found, &content, &error)) {
      *found_here = copy_to_jsonnet(self->vm, found);
      *success = 1;
      return copy_to_jsonnet(self->vm, content);
    }
    *success = 0;
    return copy_to_jsonnet(self->vm, error);
  }
};

Evaluator::Evaluator(const VmOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->vm = jsonnet_make();
  impl_->this_file_root = options.this_file_root;
  jsonnet_max_stack(impl_->vm, options.max_stack);
  jsonnet_max_trace(impl_->vm, options.max_trace);
#ifdef KGEN_PATCHED_JSONNET
  // ks's shifts and fractional array indexes (patch 11; D19, D21).
  jsonnet_go_0_11_semantics(impl_->vm, 1);
#endif
  // libjsonnet collects garbage from 1,000 live objects on, and each collection marks
  // the whole standard library; starting at 20,000 saves 5% (tutorial) to 11% (100
  // components) of a render's instructions for 2-5 MB more memory.
  jsonnet_gc_min_objects(impl_->vm, kGcMinObjects);
  jsonnet_import_callback(impl_->vm, &Impl::import_callback, impl_.get());
#ifdef KGEN_LAZY_IMPORTS
  jsonnet_lazy_imports(impl_->vm, kLazyImportMinBytes);
#endif
  for (const auto& [key, value] : options.ext_str) jsonnet_ext_var(impl_->vm, key.c_str(), value.c_str());
  for (const auto& [key, value] : options.ext_code) jsonnet_ext_code(impl_->vm, key.c_str(), value.c_str());
  register_natives(impl_->vm);
}

Evaluator::~Evaluator() { jsonnet_destroy(impl_->vm); }

int Evaluator::add_context(Context context) { return impl_->resolver.add_context(std::move(context)); }

std::string Evaluator::import_path(int context_id, const std::string& absolute_path) const {
  return impl_->resolver.tagged_path(context_id, absolute_path);
}

void Evaluator::add_bundle(int context_id, const std::string& absolute_path, std::string text,
                           std::vector<BundlePart> parts) {
  impl_->resolver.add_bundle(context_id, absolute_path, std::move(text), std::move(parts));
}

void Evaluator::add_virtual_file(const std::string& name, std::string text) {
  impl_->resolver.add_virtual_file(name, std::move(text));
}

void Evaluator::add_json_function(const std::string& name, const std::vector<std::string>& params, JsonFunction fn) {
  Impl::JsonNative& native = impl_->json_natives.emplace_back();
  native.vm = impl_->vm;
  native.name = name;
  native.params = params;
  for (const auto& param : native.params) native.param_names.push_back(param.c_str());
  native.param_names.push_back(nullptr);
  native.fn = std::move(fn);
  jsonnet_native_callback(impl_->vm, name.c_str(), &Impl::json_native_callback, &native, native.param_names.data());
}

std::string Evaluator::virtual_path(const std::string& name) { return std::string(kVirtualPrefix) + name; }

std::string Evaluator::evaluate(const std::string& name, const std::string& code) {
  // A file that fails to parse is linked again as a binding that raises its static
  // error only when used, so a syntax error in a file nobody evaluates does not fail
  // the run (Jsonnet loads imports lazily).
  std::map<std::string, std::string> broken;  // found_here -> index into static_errors
  std::vector<Error> static_errors;
  const std::string program_name = virtual_path("program/" + name);
  for (;;) {
    const LinkedProgram program = link_program(virtual_path(name), code, &impl_->resolver, broken, impl_->this_file_root);
    impl_->resolver.set_line_map(program_name, program.parts);
    int error = 0;
    char* out = jsonnet_evaluate_snippet(impl_->vm, program_name.c_str(), program.code.c_str(), &error);
    std::string text = out;
    jsonnet_realloc(impl_->vm, out, 0);
    if (error == 0) return without_surrogates(std::move(text));
    if (const size_t marker = text.find(kBrokenMarker); marker != std::string::npos) {
      const size_t index = std::strtoul(text.c_str() + marker + std::strlen(kBrokenMarker), nullptr, 10);
      if (index < static_errors.size()) throw static_errors[index];
    }
    const int part = text.rfind("STATIC ERROR: ", 0) == 0 ? static_error_part(text, program) : -1;
    const std::string culprit = part < 0 ? std::string() : program.parts[static_cast<size_t>(part)].file;
    if (culprit.empty() || broken.count(culprit) != 0) throw translate_jsonnet_error(text, impl_->resolver);
    // Parse that file alone (the formatter parses without evaluating) for the error at
    // its own line and column.
    int fmt_error = 0;
    char* fmt = jsonnet_fmt_snippet(impl_->vm, culprit.c_str(), program.texts[static_cast<size_t>(part)].c_str(),
                                    &fmt_error);
    const std::string own_message = fmt;
    jsonnet_realloc(impl_->vm, fmt, 0);
    broken[culprit] = std::to_string(static_errors.size());
    static_errors.push_back(translate_jsonnet_error(fmt_error != 0 ? own_message : text, impl_->resolver));
  }
}

std::vector<std::string> Evaluator::files_read() const { return impl_->resolver.files_read(); }
bool Evaluator::served_builtin_klib() const { return impl_->resolver.served_builtin_klib(); }

void Evaluator::add_overlay(const std::string& absolute_path, std::string content) {
  impl_->resolver.add_overlay(absolute_path, std::move(content));
}

std::string Evaluator::read_input(const std::string& absolute_path) {
  const std::string* content = impl_->resolver.read_cached(absolute_path);
  if (content == nullptr) return read_file(absolute_path);  // throws with the reason
  return *content;
}

bool Evaluator::input_exists(const std::string& absolute_path) { return impl_->resolver.exists(absolute_path); }

std::vector<Evaluator::Input> Evaluator::inputs() const {
  std::vector<Input> out;
  for (const auto& [path, existed] : impl_->resolver.probes()) {
    Input input{path, existed, {}};
    if (existed) input.sha256 = sha256_hex(*impl_->resolver.cached_content(path));
    out.push_back(std::move(input));
  }
  return out;
}

}  // namespace kgen::jsonnet
