#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "common/atomic_write.h"
#include "common/error.h"
#include "common/files.h"
#include "common/sha256.h"
#include "k8slib/emit.h"
#include "k8slib/k8slib.h"
#include "k8slib/model.h"

namespace kgen::k8slib {

namespace fs = std::filesystem;
using nlohmann::json;

GeneratedLibrary generate_library(const json& spec, const std::string& spec_text, const std::string& source) {
  const Model model = build_model(spec, source);
  return {model.version, emit_k8s_libsonnet(model, spec_text), emit_k_libsonnet(model)};
}

GeneratedLibrary generate_library_from_text(const std::string& spec_text, const std::string& source) {
  json spec;
  try {
    spec = json::parse(spec_text);
  } catch (const json::parse_error& e) {
    throw Error(std::string("API spec is not JSON: ") + e.what(), "pass a Kubernetes swagger.json", {source});
  }
  return generate_library(spec, spec_text, source);
}

void write_library(const std::string& dir, const GeneratedLibrary& library, const std::string& spec_text) {
  const fs::path target(dir);
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  std::string pattern = (target.parent_path() / (target.filename().string() + ".kgen-tmp-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw Error("cannot create a folder beside " + display_path(dir), "check that its parent folder is writable");
  }
  const fs::path staging(pattern);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(staging.c_str(), 0777 & ~mask);  // mkdtemp made it private; the library is not
  try {
    for (const auto& [name, content] : {std::pair<const char*, const std::string*>{"k8s.libsonnet", &library.k8s_libsonnet},
                                        {"k.libsonnet", &library.k_libsonnet},
                                        {"swagger.json", &spec_text}}) {
      std::ofstream out(staging / name, std::ios::binary);
      out << *content;
      out.flush();
      if (!out) throw Error("cannot write " + display_path((staging / name).string()), "check free disk space");
    }
    if (fs::exists(target)) {
      // Swap the folders in one step, then drop the old library.
      if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
        throw Error("cannot replace " + display_path(dir), "check the folder's permissions");
      }
    } else if (::rename(staging.c_str(), target.c_str()) != 0) {
      throw Error("cannot create " + display_path(dir), "check the folder's permissions");
    }
  } catch (...) {
    fs::remove_all(staging, ec);
    throw;
  }
  fs::remove_all(staging, ec);  // after a swap: the old library
}

std::string spec_cache_dir() {
  if (const char* dir = std::getenv("KGEN_OPENAPI_DIR"); dir != nullptr && *dir != '\0') return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') return std::string(xdg) + "/kgen/openapi";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') return std::string(home) + "/.cache/kgen/openapi";
  return {};
}

namespace {

// Where the spec cache keeps Kubernetes `version`'s spec; empty without a cache.
std::string cached_spec_path(const std::string& version) {
  const std::string cache = spec_cache_dir();
  return cache.empty() ? std::string() : join_path(join_path(cache, version), "swagger.json");
}

}  // namespace

std::string read_api_spec(const std::string& api_spec) {
  if (api_spec.rfind("file:", 0) == 0) {
    const std::string path = api_spec.substr(5);
    auto text = try_read_file(path);
    if (!text) throw Error("cannot read API spec " + path, "check the path given to --api-spec file:PATH");
    return *text;
  }
  if (api_spec.rfind("version:", 0) == 0) {
    const std::string version = api_spec.substr(8);
    const std::string cache = spec_cache_dir();
    const std::string path = cached_spec_path(version);
    auto text = path.empty() ? std::nullopt : try_read_file(path);
    if (!text) {
      throw Error("no OpenAPI spec for Kubernetes " + version + " in " + (cache.empty() ? "the spec cache" : display_path(cache)),
                  "kgen works offline: use --api-spec file:PATH with the release's api/openapi-spec/swagger.json, or put it at " +
                      (path.empty() ? "$KGEN_OPENAPI_DIR/" + version + "/swagger.json" : path));
    }
    return *text;
  }
  throw Error("--api-spec must be version:vX.Y.Z or file:PATH, not \"" + api_spec + "\"", "for example --api-spec=file:swagger.json");
}

void remember_spec(const std::string& version, const std::string& spec_text) {
  const std::string path = cached_spec_path(version);
  if (path.empty() || version.empty()) return;
  if (is_regular_file(path)) return;
  try {
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    write_file_atomically(path, spec_text);
  } catch (const std::exception&) {
    // Only a convenience: a later version: lookup will say what to do.
  }
}

std::optional<PreparedLibrary> prepare_library(const std::string& app_root, const std::string& version,
                                               const std::string& api_spec) {
  auto dir_for = [&](const std::string& v) { return join_path(app_root, "lib/ksonnet-lib/" + v); };
  auto present = [&](const std::string& v) { return is_regular_file(join_path(dir_for(v), "k8s.libsonnet")); };
  if (api_spec.empty()) {
    if (version.empty() || present(version)) return std::nullopt;
    const std::string cached = cached_spec_path(version);
    auto text = cached.empty() ? std::nullopt : try_read_file(cached);
    if (!text) return std::nullopt;
    PreparedLibrary prepared{dir_for(version), generate_library_from_text(*text, display_path(cached)), *text};
    return prepared;
  }
  if (api_spec.rfind("version:", 0) == 0) {
    // Offline, a version is only as good as the cache: without it the built-in serves.
    const std::string v = api_spec.substr(8);
    if (present(v) || cached_spec_path(v).empty() || !is_regular_file(cached_spec_path(v))) {
      return std::nullopt;
    }
  }
  const std::string text = read_api_spec(api_spec);
  const std::string source = api_spec.rfind("file:", 0) == 0 ? api_spec.substr(5) : api_spec;
  GeneratedLibrary library = generate_library_from_text(text, display_path(source));
  if (present(library.version)) return std::nullopt;
  const std::string dir = dir_for(library.version);
  return PreparedLibrary{dir, std::move(library), text};
}

std::optional<CachedLibrary> cached_library(const std::string& cache_root, const std::string& version) {
  const std::string spec_path = cached_spec_path(version);
  if (cache_root.empty() || spec_path.empty() || version.empty()) return std::nullopt;
  struct stat info {};
  if (::stat(spec_path.c_str(), &info) != 0) return std::nullopt;
  // Keyed by content: a spec replaced in the spec cache gets a library of its own.
  // Hashing a 3 MB spec costs as much as serving a cached render, so the hash is
  // remembered with the file's identity (device, inode, size, mtime) and re-computed
  // only when that changes.
  const std::string identity = std::to_string(info.st_dev) + " " + std::to_string(info.st_ino) + " " +
                               std::to_string(info.st_size) + " " + std::to_string(info.st_mtim.tv_sec) + "." +
                               std::to_string(info.st_mtim.tv_nsec) + " ";
  const std::string memo = join_path(cache_root, "ksonnet-lib/spec-" + sha256_hex(spec_path));
  if (const auto remembered = try_read_file(memo); remembered && remembered->rfind(identity, 0) == 0) {
    CachedLibrary cached{join_path(cache_root, "ksonnet-lib/" + remembered->substr(identity.size())), false};
    if (is_regular_file(join_path(cached.dir, "k8s.libsonnet"))) return cached;
  }
  const auto text = try_read_file(spec_path);
  if (!text) return std::nullopt;
  const std::string hash = sha256_hex(*text);
  CachedLibrary cached{join_path(cache_root, "ksonnet-lib/" + hash), false};
  const auto remember = [&] {
    try {
      write_file_atomically(memo, identity + hash);
    } catch (const Error&) {
      // Only speed.
    }
  };
  if (is_regular_file(join_path(cached.dir, "k8s.libsonnet"))) {
    remember();
    return cached;
  }
  // Several renders may race here: each writes a complete folder and renames it into
  // place, and the folders are identical.
  const GeneratedLibrary library = generate_library_from_text(*text, display_path(spec_path));
  try {
    write_library(cached.dir, library, *text);
  } catch (const Error&) {
    if (is_regular_file(join_path(cached.dir, "k8s.libsonnet"))) return cached;  // another render won the race
    throw;
  }
  cached.generated = true;
  remember();
  return cached;
}

PreparedLibrary regenerate_library(const std::string& app_root, const std::string& version) {
  const std::string dir = join_path(app_root, "lib/ksonnet-lib/" + version);
  const std::string cached = cached_spec_path(version);
  const std::string own = join_path(dir, "swagger.json");
  for (const std::string& path : {cached, own}) {
    if (path.empty()) continue;
    auto text = try_read_file(path);
    if (!text) continue;
    GeneratedLibrary library = generate_library_from_text(*text, display_path(path));
    if (library.version != version) {
      throw Error("the spec " + display_path(path) + " is for Kubernetes " + library.version + ", not " + version,
                  "replace it with the " + version + " spec, or change the environment's version with `kgen env set "
                  "ENV --api-spec file:swagger.json`");
    }
    return PreparedLibrary{dir, std::move(library), std::move(*text)};
  }
  throw Error("no OpenAPI spec of Kubernetes " + version + " to generate ksonnet-lib from",
              "put it at " + (cached.empty() ? "$KGEN_OPENAPI_DIR/" + version + "/swagger.json" : display_path(cached)) +
                  ", or give the environment a spec with `kgen env set ENV --api-spec file:swagger.json`");
}

void commit_library(const PreparedLibrary& prepared) {
  write_library(prepared.dir, prepared.library, prepared.spec_text);
  remember_spec(prepared.library.version, prepared.spec_text);
}

}  // namespace kgen::k8slib
