#include "jsonnet/evaluator.h"

extern "C" {
#include <libjsonnet.h>
}

#include <cstring>
#include <string>

#include "common/error.h"
#include "jsonnet/error_translate.h"
#include "jsonnet/import_resolver.h"
#include "jsonnet/natives.h"

namespace kgen::jsonnet {
namespace {

char* copy_to_jsonnet(JsonnetVm* vm, const std::string& s) {
  char* buf = jsonnet_realloc(vm, nullptr, s.size() + 1);
  std::memcpy(buf, s.c_str(), s.size() + 1);
  return buf;
}

}  // namespace

struct Evaluator::Impl {
  JsonnetVm* vm = nullptr;
  ImportResolver resolver;

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
  jsonnet_max_stack(impl_->vm, options.max_stack);
  jsonnet_max_trace(impl_->vm, options.max_trace);
  jsonnet_import_callback(impl_->vm, &Impl::import_callback, impl_.get());
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

std::string Evaluator::virtual_path(const std::string& name) { return std::string(kVirtualPrefix) + name; }

std::string Evaluator::evaluate(const std::string& name, const std::string& code) {
  int error = 0;
  char* out = jsonnet_evaluate_snippet(impl_->vm, virtual_path(name).c_str(), code.c_str(), &error);
  std::string text = out;
  jsonnet_realloc(impl_->vm, out, 0);
  if (error != 0) throw translate_jsonnet_error(text, impl_->resolver);
  return text;
}

std::vector<std::string> Evaluator::files_read() const { return impl_->resolver.files_read(); }

}  // namespace kgen::jsonnet
