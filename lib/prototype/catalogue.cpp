#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/files.h"
#include "prototype/prototype.h"

namespace kgen::prototype {
namespace {

namespace fs = std::filesystem;

// "  --name=<name> Description [type: string]" lines, the flags padded to the widest.
std::string param_lines(const std::vector<const Param*>& params) {
  if (params.empty()) return "  [none]\n";
  size_t width = 0;
  for (const Param* p : params) width = std::max(width, 2 * p->name.size() + 5);
  std::string out;
  for (const Param* p : params) {
    std::string flag = "--" + p->name + "=<" + p->name + ">";
    flag.resize(width, ' ');
    const std::string info = p->optional ? "[default: " + p->default_value + ", type: " + p->type + "]"
                                         : "[type: " + p->type + "]";
    out += "  " + flag + " " + p->description + " " + info + "\n";
  }
  return out;
}

}  // namespace

std::vector<Prototype> all_prototypes(const std::string& app_root) {
  std::map<std::string, Prototype> by_name;
  for (auto& p : system_prototypes()) by_name[p.name] = p;
  const fs::path vendor = fs::path(app_root) / "vendor";
  std::vector<fs::path> files;
  std::error_code ec;
  if (is_directory(vendor.string())) {
    for (auto it = fs::recursive_directory_iterator(vendor, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (ec) break;
      const fs::path& path = it->path();
      if (path.extension() == ".jsonnet" && path.parent_path().filename() == "prototypes" && it->is_regular_file(ec)) {
        files.push_back(path);
      }
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    Prototype p = parse_prototype(read_file(file.string()), display_path(file.string()));
    by_name[p.name] = p;
  }
  std::vector<Prototype> out;
  for (auto& [name, p] : by_name) out.push_back(p);
  return out;
}

const Prototype& find_prototype(const std::vector<Prototype>& prototypes, const std::string& query) {
  std::vector<const Prototype*> matches;
  for (const auto& p : prototypes) {
    if (p.name == query) return p;
    if (p.name.size() > query.size() && p.name.compare(p.name.size() - query.size(), query.size(), query) == 0) {
      matches.push_back(&p);
    }
  }
  if (matches.size() == 1) return *matches.front();
  if (matches.empty()) {
    throw Error("no prototype names matched '" + query + "'",
                "see the prototypes with kgen prototype list (packages add more: kgen pkg install)");
  }
  std::string names;
  for (const Prototype* p : matches) names += (names.empty() ? "" : ", ") + p->name;
  throw Error("ambiguous match for '" + query + "': " + names, "give the full prototype name");
}

std::vector<Prototype> search_prototypes(const std::vector<Prototype>& prototypes, const std::string& text) {
  std::vector<Prototype> out;
  for (const auto& p : prototypes) {
    if (p.name.find(text) != std::string::npos) out.push_back(p);
  }
  return out;
}

std::string describe(const Prototype& prototype) {
  std::vector<const Param*> required, optional;
  for (const auto& p : prototype.params) (p.optional ? optional : required).push_back(&p);
  return "PROTOTYPE NAME:\n" + prototype.name + "\n\nDESCRIPTION:\n" + prototype.description +
         "\n\nREQUIRED PARAMETERS:\n" + param_lines(required) + "\nOPTIONAL PARAMETERS:\n" + param_lines(optional) +
         "\nTEMPLATE TYPES AVAILABLE:\n  [jsonnet]\n";
}

}  // namespace kgen::prototype
