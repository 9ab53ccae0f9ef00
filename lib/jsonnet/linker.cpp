#include "jsonnet/linker.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <string_view>

#include "jsonnet/import_scanner.h"
#include "jsonnet/ks_dialect.h"

namespace kgen::jsonnet {
namespace {

std::string quote(const std::string& s) { return nlohmann::json(s).dump(); }

std::string dir_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// memchr: std::count was 5% of a render over ks's 3 MB k8s.libsonnet.
int count_lines(const std::string& text) {
  int lines = 0;
  for (const char* at = text.data(); (at = static_cast<const char*>(std::memchr(at, '\n', text.data() + text.size() - at)));
       ++at) {
    ++lines;
  }
  return lines;
}

class Linker {
 public:
  Linker(ImportResolver* resolver, const std::map<std::string, std::string>& broken, const std::string& this_file_root)
      : resolver_(resolver), broken_(broken), this_file_root_(this_file_root) {}

  LinkedProgram link(const std::string& root_name, const std::string& root_code) {
    const std::string root = binding_for(root_name, root_code);
    while (!queue_.empty()) {
      const auto [found_here, content] = queue_.front();
      queue_.pop_front();
      bodies_[found_here] = rewrite(found_here, content);
    }
    LinkedProgram program;
    program.code = "local\n";
    int line = 2;
    bool first = true;
    for (const std::string& found_here : order_) {
      std::string body = bodies_[found_here];
      if (body.empty() || body.back() != '\n') body += '\n';
      // A file's std.thisFile is a local bound on the binding's own line.
      const auto this_file = this_files_.find(found_here);
      const std::string local =
          this_file == this_files_.end() ? "" : " local " + std::string(kThisFile) + " = " + quote(this_file->second) + ";";
      program.code += (first ? "" : ",\n") + names_[found_here] + " =" + local + "\n";
      line += first ? 1 : 2;
      first = false;
      program.parts.push_back({line, count_lines(body), found_here});
      program.texts.push_back(body);
      program.code += body;
      line += count_lines(body);
    }
    program.code += ";\n" + root + "\n";
    return program;
  }

 private:
  ImportResolver* resolver_;
  const std::map<std::string, std::string>& broken_;
  const std::string& this_file_root_;
  std::map<std::string, std::string> this_files_;  // found_here -> its std.thisFile
  std::map<std::string, std::string> names_;   // found_here -> binding name
  std::map<std::string, std::string> bodies_;  // found_here -> rewritten text
  std::vector<std::string> order_;
  std::deque<std::pair<std::string, std::string>> queue_;
  int numbered_ = 0;

  // Bindings are numbered in the order files are met (the names show in error traces).
  // The shared old-std file, which every prelude imports, has its own name so the
  // numbers of the user's files stay what they were before it existed.
  std::string next_name(const std::string& key) {
    if (key == std::string(kVirtualPrefix) + "std") return "__kstd";
    return "__k" + std::to_string(numbered_++);
  }

  std::string binding_for(const std::string& found_here, const std::string& content) {
    auto it = names_.find(found_here);
    if (it != names_.end()) return it->second;
    const std::string name = next_name(found_here);
    names_[found_here] = name;
    order_.push_back(found_here);
    if (auto bad = broken_.find(found_here); bad != broken_.end()) {
      bodies_[found_here] = "error " + quote(kBrokenMarker + bad->second);
    } else {
      queue_.emplace_back(found_here, content);
    }
    return name;
  }

  // A string binding for importstr: the file's text as a Jsonnet string literal.
  std::string string_binding_for(const std::string& found_here, const std::string& content) {
    const std::string key = "importstr:" + found_here;
    auto it = names_.find(key);
    if (it != names_.end()) return it->second;
    const std::string name = next_name(key);
    names_[key] = name;
    order_.push_back(key);
    bodies_[key] = quote(content);
    return name;
  }

  std::string error_binding_for(const std::string& key, const std::string& message) {
    const std::string full_key = std::string(kVirtualPrefix) + "missing/" + key;
    auto it = names_.find(full_key);
    if (it != names_.end()) return it->second;
    const std::string name = next_name(full_key);
    names_[full_key] = name;
    order_.push_back(full_key);
    bodies_[full_key] = "error " + quote(message);
    return name;
  }

  // What ks's std.thisFile gave for an imported file: its path from the folder ks ran
  // in, the app's root.
  std::string this_file_of(const std::string& path) const {
    const std::string prefix = this_file_root_ + "/";
    return !this_file_root_.empty() && path.rfind(prefix, 0) == 0 ? path.substr(prefix.size()) : path;
  }

  // A large file that imports nothing but its prelude's std (a ksonnet-lib k8s.libsonnet of 2-4 MB, of which a
  // component uses a few builders) is not pasted in: the binding imports it as a virtual
  // file, which libjsonnet builds member by member on first use (jsonnet_lazy_imports),
  // where the whole linked program is lexed, parsed and analysed up front. Its lines map
  // to the file's own, so error locations are the same.
  std::string lazy_import(const std::string& found_here, const std::string& content) {
    const std::string path = std::string(kVirtualPrefix) + "lazy/" + found_here;
    resolver_->add_virtual_file("lazy/" + found_here, content);
    resolver_->set_line_map(path, {{1, count_lines(content) + 1, found_here}});
    return "import " + quote(path);
  }

  // The file in ks's dialect (see ks_dialect.h), its imports replaced by bindings.
  std::string rewrite(const std::string& found_here, const std::string& original) {
    int context = 0;
    std::string path;
    DialectRewrite dialect;
    dialect.blank_unary_plus = true;
    dialect.surrogate_escapes = true;
    if (parse_tagged_path(found_here, &context, &path)) dialect.this_file_name = kThisFile;
    DialectResult ks = to_ks_dialect(original, dialect);
    if (ks.used_this_file) this_files_[found_here] = this_file_of(path);
    const std::string& content = ks.text;
    // The prelude's own import (its context's std) is served to libjsonnet as it is.
    const size_t prelude = resolver_->prelude_length(found_here);
    // Most files past the prelude never say `import`: the scan of their text (a tenth of
    // a render over ks's 3 MB k8s.libsonnet) is skipped then.
    const std::string_view text(content);
    const std::vector<ImportSite> sites =
        scan_imports(text.find("import", prelude) == std::string_view::npos ? text.substr(0, prelude) : text);
    if (content.size() >= kLazyImportMinBytes && !ks.used_this_file &&
        std::all_of(sites.begin(), sites.end(), [&](const ImportSite& site) { return site.end <= prelude; })) {
      return lazy_import(found_here, content);
    }
    if (sites.empty()) return content;
    std::string out;
    size_t cursor = 0;
    const std::string base = dir_of(found_here);
    for (const ImportSite& site : sites) {
      out.append(content, cursor, site.begin - cursor);
      std::string target, text, error;
      const bool raw = site.kind == ImportSite::Kind::ImportStr;
      std::string replacement;
      if (!resolver_->resolve(base, site.path, &target, &text, &error, raw)) {
        // A binding that raises libjsonnet's message when used: an unused missing
        // import is not an error.
        replacement = error_binding_for(base + "|" + site.path,
                                        "couldn't open import " + quote(site.path) + ": " + error);
      } else if (raw) {
        replacement = string_binding_for(target, text);
      } else {
        replacement = binding_for(target, text);
      }
      const size_t width = site.end - site.begin;
      if (replacement.size() < width) replacement.append(width - replacement.size(), ' ');
      out += replacement;
      cursor = site.end;
    }
    out.append(content, cursor, std::string::npos);
    return out;
  }
};

}  // namespace

LinkedProgram link_program(const std::string& root_name, const std::string& root_code, ImportResolver* resolver,
                           const std::map<std::string, std::string>& broken, const std::string& this_file_root) {
  return Linker(resolver, broken, this_file_root).link(root_name, root_code);
}

}  // namespace kgen::jsonnet
