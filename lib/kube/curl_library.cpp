#include "kube/curl_library.h"

#include <dlfcn.h>

#include <mutex>
#include <string>

#include "common/error.h"

namespace kgen::kube {
namespace {

template <typename F>
void bind(void* handle, const char* name, F* slot, std::string* missing) {
  *slot = reinterpret_cast<F>(::dlsym(handle, name));
  if (*slot == nullptr) *missing += std::string(missing->empty() ? "" : ", ") + name;
}

}  // namespace

const CurlLibrary& curl_library() {
  static CurlLibrary library;
  static std::string error;
  static std::once_flag once;
  std::call_once(once, [] {
    void* handle = ::dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* reason = ::dlerror();
      error = reason != nullptr ? reason : "libcurl.so.4 not found";
      return;
    }
    std::string missing;
    bind(handle, "curl_global_init", &library.global_init, &missing);
    bind(handle, "curl_easy_init", &library.easy_init, &missing);
    bind(handle, "curl_easy_cleanup", &library.easy_cleanup, &missing);
    bind(handle, "curl_easy_reset", &library.easy_reset, &missing);
    bind(handle, "curl_easy_setopt", &library.easy_setopt, &missing);
    bind(handle, "curl_easy_perform", &library.easy_perform, &missing);
    bind(handle, "curl_easy_getinfo", &library.easy_getinfo, &missing);
    bind(handle, "curl_easy_strerror", &library.easy_strerror, &missing);
    bind(handle, "curl_slist_append", &library.slist_append, &missing);
    bind(handle, "curl_slist_free_all", &library.slist_free_all, &missing);
    if (!missing.empty()) {
      error = "libcurl.so.4 lacks " + missing;
      return;
    }
    library.global_init(CURL_GLOBAL_DEFAULT);
  });
  if (!error.empty()) {
    throw Error("cannot load libcurl, which kgen talks to clusters with: " + error,
                "install it (Debian: apt-get install libcurl4), or run scripts/install-deps.sh");
  }
  return library;
}

}  // namespace kgen::kube
