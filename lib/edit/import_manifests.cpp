#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/files.h"
#include "edit/components.h"
#include "encoding/yaml_decode.h"

namespace kgen::edit {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// "<kind>-<name>" as ks named imported YAML documents (kind lower-cased), without its
// random suffix; characters a component name cannot hold become '-'.
std::string component_name(const json& object, const std::string& file, int line) {
  const bool ok = object.is_object() && object.contains("kind") && object["kind"].is_string() &&
                  object.contains("metadata") && object["metadata"].is_object() &&
                  object["metadata"].contains("name") && object["metadata"]["name"].is_string();
  if (!ok) {
    throw Error("the document is not a Kubernetes object (it needs kind and metadata.name)",
                "import only Kubernetes manifests", {file, line});
  }
  std::string kind = object["kind"];
  std::transform(kind.begin(), kind.end(), kind.begin(), [](unsigned char c) { return std::tolower(c); });
  std::string name = kind + "-" + object["metadata"]["name"].get<std::string>();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '-';
  }
  return name;
}

// A document separator line: "---" alone or followed by blanks or a comment.
bool is_separator(const std::string& line) {
  if (line.compare(0, 3, "---") != 0) return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

void import_yaml(const std::string& path, const std::string& text, std::vector<NewComponent>* out) {
  const std::string file = display_path(path);
  // Each document's own text, as ks wrote it (comments and layout kept).
  std::vector<std::pair<std::string, int>> pieces;  // text, first line
  std::string current;
  int line = 1, start = 1;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    const std::string l = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (is_separator(l)) {
      pieces.emplace_back(current, start);
      current.clear();
      start = line + 1;
    } else {
      current += l + "\n";
    }
    ++line;
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  pieces.emplace_back(current, start);
  for (const auto& [piece, first_line] : pieces) {
    std::vector<json> docs;
    encoding::YamlError error;
    if (!encoding::decode_yaml_documents(piece, &docs, &error)) {
      throw Error("invalid YAML: " + error.message, "fix the manifest", {file, first_line - 1 + error.line, error.column});
    }
    if (docs.empty() || docs[0].is_null()) continue;  // blank or comment-only document
    out->push_back({component_name(docs[0], file, first_line), ".yaml", piece, {}});
  }
}

void import_file(const std::string& path, std::vector<NewComponent>* out) {
  const std::string text = read_file(path);
  const std::string ext = fs::path(path).extension().string();
  if (ext == ".json") {
    const json value = json::parse(text, nullptr, false);
    if (value.is_discarded()) throw Error("invalid JSON", "fix the manifest", {display_path(path)});
    component_name(value, display_path(path), 1);
    out->push_back({fs::path(path).stem().string(), ".json", text, {}});
    return;
  }
  import_yaml(path, text, out);
}

bool importable(const fs::path& file) {
  const std::string ext = file.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

}  // namespace

ImportedManifests read_manifests(const std::string& path) {
  ImportedManifests result;
  if (path.find("://") != std::string::npos) {
    throw Error("kgen imports files and folders, not URLs", "download the manifest first (curl -o FILE URL)");
  }
  if (is_directory(path)) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.is_regular_file(ec)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      if (importable(file)) {
        import_file(file.string(), &result.components);
      } else {
        result.skipped.push_back(display_path(file.string()));
      }
    }
  } else if (is_regular_file(path)) {
    if (!importable(path)) {
      throw Error("not a manifest file", "kgen imports .yaml, .yml and .json files", {display_path(path)});
    }
    import_file(path, &result.components);
  } else {
    throw Error("no such file or folder", "check the path given to -f", {display_path(path)});
  }
  if (result.components.empty()) {
    throw Error("no manifests to import", "the file or folder holds no Kubernetes objects", {display_path(path)});
  }
  return result;
}

}  // namespace kgen::edit
