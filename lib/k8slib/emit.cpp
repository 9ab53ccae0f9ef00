// Jsonnet text of k8s.libsonnet and k.libsonnet from the model.
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>

#include "common/sha256.h"
#include "common/version.h"
#include "k8slib/emit.h"

namespace kgen::k8slib {
namespace {

using nlohmann::json;

bool is_keyword(const std::string& word) {
  static const std::set<std::string> kKeywords = {"assert", "else",  "error", "false", "for",  "function", "if",
                                                  "import", "importstr", "importbin", "in", "local", "null", "tailstrict",
                                                  "then",   "self",  "super", "true"};
  return kKeywords.count(word) > 0;
}

bool is_identifier(const std::string& word) {
  if (word.empty() || is_keyword(word)) return false;
  if (!(std::isalpha(static_cast<unsigned char>(word[0])) || word[0] == '_')) return false;
  for (char c : word) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

std::string field(const std::string& name) { return is_identifier(name) ? name : json(name).dump(); }
std::string quoted(const std::string& text) { return json(text).dump(); }

// group -> version -> kinds (camelCase name -> type), in a stable order.
using Tree = std::map<std::string, std::map<std::string, std::map<std::string, const Type*>>>;

Tree resource_tree(const Model& model) {
  Tree tree;
  for (const auto& [name, type] : model.types) {
    if (type.resource) tree[type.group][type.version][camel_identifier(type.kind)] = &type;
  }
  return tree;
}


// The library's engine: builders made from the per-type property table at run time,
// once per type (array elements are lazy and evaluated once), so a program pays only for
// the types it uses. libjsonnet's cost is in reading text, so the table is a few long strings.
//
// Chaining as in ksonnet-lib, whose `withX(v):: self + __xMixin(...)` closes over its own
// level's wrapper: an object built by mixing levels (new's result) keeps every level's
// methods, the later level winning a name, and each method still writes where its own
// level does. Here the methods of type i are shared by all its levels and find their
// level's wrapper in self['__w' + i]: the level that mixed a method of type i last also
// set that field last, so the pair always matches. '__n' + i is the same for the nested
// builders, which only the `mixin` levels have (not the kind or `*Type` objects).
// Struct properties get no setters, only `mixin.<field>` and `<field>Type`, and types
// without a constructor have ksonnet-lib's `new():: {}`. Names as ksonnet-lib spelled
// them: `<field>Type` from the JSON name (`clientIPType`), nested builders camelCase
// (`clientIp`, `local` as `localStorage`), and these wrote that camelCase name as the JSON
// key (`sessionAffinityConfig: {clientIp: ...}`), which ks printed: the same bytes here.
const char* kEngine = R"(__id(o) = o,
  __a(v) = if std.type(v) == 'array' then v else [v],
  __cap(s) = local c = std.codepoint(s[0]); (if c >= 97 && c <= 122 then std.char(c - 32) else s[0]) + std.substr(s, 1, std.length(s) - 1),
  __prop(e) = {
    n: e[0],
    id: if std.length(e) > 1 && e[1] != 0 then e[1] else e[0],
    k: if std.length(e) > 2 then e[2] else '',
    r: if std.length(e) > 3 then e[3] else -1,
  },
  __setters(p, w) =
    local name = 'with' + __cap(p.id);
    if p.k == '' then { [name]:: function(v) self + self[w]({ [p.n]: v }) }
    else if p.k == 'a' then {
      [name]:: function(v) self + self[w]({ [p.n]: __a(v) }),
      [name + 'Mixin']:: function(v) self + self[w]({ [p.n]+: __a(v) }),
    } + (if p.r >= 0 then { [p.n + 'Type']:: __type[p.r] } else {})
    else if p.k == 'm' then {
      [name]:: function(v) self + self[w]({ [p.n]: v }),
      [name + 'Mixin']:: function(v) self + self[w]({ [p.n]+: v }),
    }
    else {},
  __nested(p, n) =
    if p.k != 's' then {}
    else
      local f = if p.id == 'local' then 'localStorage' else p.id;
      { [f]:: local outer = self; __level(p.r, function(o) outer[n]({ [f]+: o })), [p.n + 'Type']:: __type[p.r] },
  __range = std.range(0, std.length(__T) - 1),
  __P = [std.map(__prop, std.parseJson(__T[i])) for i in __range],
  __S = [local w = '__w' + i; std.foldl(function(acc, p) acc + __setters(p, w), __P[i], {}) for i in __range],
  __N = [local n = '__n' + i; std.foldl(function(acc, p) acc + __nested(p, n), __P[i], {}) for i in __range],
  __level(i, w) = __S[i] + __N[i] + { ['__w' + i]:: w, ['__n' + i]:: w, mixinInstance(o):: w(o) },
  __type = [__S[i] + { ['__w' + i]:: __id, mixin:: __N[i] + { ['__n' + i]:: __id } } +
            (if std.objectHas(__C, std.toString(i)) then __C[std.toString(i)] else { new():: {} })
            for i in __range],
  __kind(typeIndex, apiVersionName, kindName, isList) =
    local apiVersion = { apiVersion: apiVersionName };
    local kind = { kind: kindName };
    __type[typeIndex] + (
      if std.objectHasAll(__R, kindName) then __R[kindName](apiVersion, kind)
      else if isList then { new(items):: apiVersion + kind + self.withItems(items) }
      else { new():: apiVersion + kind }
    );
)";

// A property as JSON: [name], [name, ident], [name, ident or 0, kind] or [name, ident or 0, kind, type].
std::string encode_property(const Property& p, const std::map<std::string, int>& index) {
  json item = json::array({p.name});
  auto ref = [&](const std::string& definition) {
    const auto it = index.find(definition);
    return it == index.end() ? -1 : it->second;
  };
  std::string kind;
  int type = -1;
  switch (p.kind) {
    case Property::Scalar: break;
    case Property::Map: kind = "m"; break;
    case Property::Array:
      kind = "a";
      if (!p.ref.empty()) type = ref(p.ref);
      break;
    case Property::Struct:
      type = ref(p.ref);
      kind = type < 0 ? "m" : "s";  // a struct outside the table is set as a whole
      break;
  }
  if (p.ident != p.name || !kind.empty()) item.push_back(p.ident != p.name ? json(p.ident) : json(0));
  if (!kind.empty()) item.push_back(kind);
  if (type >= 0) item.push_back(type);
  return item.dump();
}

}  // namespace

std::string emit_k8s_libsonnet(const Model& model, const std::string& spec_text) {
  // The types reachable from the API's kinds, in a fixed order.
  std::vector<const Type*> order;
  std::map<std::string, int> index;
  std::vector<std::string> pending;
  for (const auto& [name, type] : model.types) {
    if (type.resource) pending.push_back(name);
  }
  while (!pending.empty()) {
    const std::string name = pending.back();
    pending.pop_back();
    const auto it = model.types.find(name);
    if (it == model.types.end() || index.count(name) > 0) continue;
    index[name] = -1;
    for (const auto& p : it->second.properties) {
      if (!p.ref.empty()) pending.push_back(p.ref);
    }
  }
  for (auto& [name, i] : index) {
    i = static_cast<int>(order.size());
    order.push_back(&model.types.at(name));
  }

  std::ostringstream out;
  out << "// ksonnet-lib for Kubernetes " << model.version << ", generated by kgen " << kVersion
      << " (kgen lib generate) from its OpenAPI spec.\n"
      << "// Do not edit: regenerate instead. Builders: k8s.<group>.<version>.<kind>; each type's\n"
      << "// properties are one JSON string of __T: [name, ident or 0, kind (s struct, a array, m map), type index].\n"
      << "local __T = [\n";
  for (const Type* type : order) {
    std::string props;
    std::set<std::string> seen;
    for (const auto& p : type->properties) {
      if (!seen.insert(p.ident).second) continue;
      props += (props.empty() ? "" : ",") + encode_property(p, index);
    }
    // Single quotes: the JSON's double quotes need no escaping, and property names hold no '.
    out << "  '[" << props << "]',  // " << type->definition << "\n";
  }
  out << "],\n";
  // ksonnet-lib's constructors of non-resource types, by table index.
  out << "__C = {\n";
  for (const Type* type : order) {
    if (type->resource) continue;
    const std::string constructors = custom_constructors(*type);
    if (!constructors.empty()) out << "  \"" << index.at(type->definition) << "\": {\n    " << constructors << "\n  },\n";
  }
  out << "},\n";
  // ...and of resources, by kind (the same in every group and version).
  out << "__R = {\n";
  std::set<std::string> kinds_done;
  for (const Type* type : order) {
    if (!type->resource || !kinds_done.insert(type->kind).second) continue;
    const std::string constructors = custom_constructors(*type);
    if (constructors.rfind("new():: ", 0) == 0 || constructors.rfind("new(items):: ", 0) == 0) continue;  // the engine's defaults
    out << "  " << type->kind << "(apiVersion, kind):: {\n    " << constructors << "\n  },\n";
  }
  out << "},\n" << kEngine;
  out << "{\n  __ksonnet: { checksum: " << quoted(sha256_hex(spec_text)) << ", kubernetesVersion: " << quoted(model.version.substr(1))
      << " },\n";
  for (const auto& [group, versions] : resource_tree(model)) {
    out << "  " << field(group) << ":: {\n";
    for (const auto& [version, kinds] : versions) {
      out << "    " << field(version) << ":: {\n";
      const std::string api_version = quoted(kinds.begin()->second->api_version);
      for (const auto& [kind_name, type] : kinds) {
        const bool is_list = custom_constructors(*type).rfind("new(items):: ", 0) == 0;
        out << "      " << field(kind_name) << ":: __kind(" << index.at(type->definition) << ", " << api_version << ", "
            << quoted(type->kind) << ", " << (is_list ? "true" : "false") << "),\n";
      }
      out << "    },\n";
    }
    out << "  },\n";
  }
  out << "}\n";
  return out.str();
}

std::string emit_k_libsonnet(const Model& model) {
  // Kinds whose objects hold a PodSpec, and the path to it.
  auto pod_spec_path = [&](const Type& type) -> std::string {
    std::string path;
    const Type* current = &type;
    for (int depth = 0; depth < 6 && current != nullptr; ++depth) {
      const Property* next = nullptr;
      for (const auto& p : current->properties) {
        if (p.name == "containers" && p.kind == Property::Array) return path;
      }
      for (const char* hop : {"spec", "template", "jobTemplate"}) {
        for (const auto& p : current->properties) {
          if (next == nullptr && p.name == hop && p.kind == Property::Struct) next = &p;
        }
      }
      if (next == nullptr) return {};
      path += (path.empty() ? "" : ".") + next->name;
      const auto it = model.types.find(next->ref);
      current = it == model.types.end() ? nullptr : &it->second;
    }
    return {};
  };

  std::ostringstream out;
  out << "// ksonnet-lib's k.libsonnet for Kubernetes " << model.version << ", generated by kgen " << kVersion << ".\n"
      << "// k8s.libsonnet plus core.v1.list and mapContainers/mapContainersWithName.\n"
      << "local k8s = import 'k8s.libsonnet';\n";
  // Paths as Jsonnet: get(o) reads o.<path>.containers; put(g) rebuilds with +: down the path.
  std::map<std::string, std::string> path_helpers;
  auto helper_for = [&](const std::string& path) {
    auto it = path_helpers.find(path);
    if (it != path_helpers.end()) return it->second;
    std::string name = "__pod" + std::to_string(path_helpers.size());
    path_helpers[path] = name;
    return name;
  };
  std::ostringstream kinds;
  const Tree tree = resource_tree(model);
  kinds << "k8s + {\n";
  for (const auto& [group, versions] : tree) {
    std::ostringstream group_body;
    bool group_has = group == "core";
    for (const auto& [version, types] : versions) {
      std::ostringstream version_body;
      bool version_has = group == "core" && version == "v1";
      if (version_has) {
        version_body << "      list:: {\n"
                     << "        new(items):: { apiVersion: 'v1' } + { kind: 'List' } + self.items(items),\n"
                     << "        items(items):: if std.type(items) == 'array' then { items+: items } else { items+: [items] },\n"
                     << "      },\n";
      }
      for (const auto& [kind_name, type] : types) {
        const std::string path = pod_spec_path(*type);
        if (path.empty()) continue;
        version_has = true;
        version_body << "      " << field(kind_name) << ":: k8s." << field(group) << "." << field(version) << "." << field(kind_name)
                     << " + " << helper_for(path) << ",\n";
      }
      if (!version_has) continue;
      group_has = true;
      group_body << "    " << field(version) << ":: k8s." << field(group) << "." << field(version) << " + {\n"
                 << version_body.str() << "    },\n";
    }
    if (!group_has) continue;
    kinds << "  " << field(group) << ":: k8s." << field(group) << " + {\n" << group_body.str() << "  },\n";
  }
  kinds << "}\n";
  for (const auto& [path, name] : path_helpers) {
    // mapContainers(f) is a mixin: `object + kind.mapContainers(f)` maps over super's containers.
    std::string open, close;
    std::stringstream segments(path);
    std::string segment;
    while (std::getline(segments, segment, '.')) {
      open += "{ " + segment + "+: ";
      close += " }";
    }
    out << "local " << name << " = {\n"
        << "  mapContainers(f):: {\n"
        << "    local podContainers = super." << path << ".containers,\n"
        << "    " << open.substr(2) << "{ containers: std.map(f, podContainers) }" << close.substr(0, close.size() - 2) << ",\n"
        << "  },\n"
        << "  mapContainersWithName(names, f)::\n"
        << "    local nameSet = if std.type(names) == 'array' then std.set(names) else std.set([names]);\n"
        << "    local inNameSet(name) = std.length(std.setInter(nameSet, std.set([name]))) > 0;\n"
        << "    self.mapContainers(function(c) if std.objectHas(c, 'name') && inNameSet(c.name) then f(c) else c),\n"
        << "};\n";
  }
  out << kinds.str();
  return out.str();
}

}  // namespace kgen::k8slib
