#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "common/error.h"
#include "params/literal.h"
#include "params/params.h"
#include "params/syntax.h"

namespace kgen::params {
namespace {

using nlohmann::json;

struct Doc {
  const std::string& text;
  const std::string& file;
  NodePtr root;
  char quote = '\'';      // the quote most string values use
  char key_quote = '\'';  // the quote most quoted keys use
  bool quotes_seen = false;  // the file holds a string or quoted key (else the quotes are a guess)
};

Location location(const Doc& doc, size_t offset) {
  int line = 0, column = 0;
  line_column(doc.text, offset, &line, &column);
  return {doc.file, line, column};
}

struct QuoteCounts {
  int single = 0, dbl = 0, key_single = 0, key_dbl = 0;
};

void count_quotes(const std::string& text, const Node& node, QuoteCounts* n) {
  if (node.kind == Node::Kind::String && node.span.begin < text.size()) {
    if (text[node.span.begin] == '\'') ++n->single;
    if (text[node.span.begin] == '"') ++n->dbl;
  }
  for (const auto& child : node.children) count_quotes(text, *child, n);
  for (const auto& field : node.fields) {
    if (field.key_kind == Field::KeyKind::String && field.key_span.begin < text.size()) {
      if (text[field.key_span.begin] == '\'') ++n->key_single;
      if (text[field.key_span.begin] == '"') ++n->key_dbl;
    }
    if (field.value) count_quotes(text, *field.value, n);
  }
}

Doc parse_doc(const std::string& text, const std::string& file) {
  SyntaxError error;
  Doc doc{text, file, parse_jsonnet(text, &error)};
  if (!doc.root) {
    int line = 0, column = 0;
    line_column(text, error.offset, &line, &column);
    throw Error("syntax error: " + error.message, "fix the file first; nothing was changed", {file, line, column});
  }
  QuoteCounts counts;
  count_quotes(text, *doc.root, &counts);
  doc.quote = counts.dbl > counts.single ? '"' : '\'';
  doc.key_quote = counts.key_dbl > counts.key_single ? '"' : counts.key_single > 0 ? '\'' : doc.quote;
  doc.quotes_seen = counts.single + counts.dbl + counts.key_single + counts.key_dbl > 0;
  return doc;
}

std::string key_text(const std::string& key, const Doc& doc) {
  return is_jsonnet_identifier(key) ? key : jsonnet_string(key, doc.key_quote);
}

std::string literal(const json& v, const Doc& doc) { return jsonnet_literal(v, doc.quote, doc.key_quote); }

const Node* unwrap(const Node* n) {
  while (n != nullptr && (n->kind == Node::Kind::Local || n->kind == Node::Kind::Parens)) n = n->children.back().get();
  return n;
}

const Field* find_field(const Node& object, const std::string& key) {
  for (const auto& field : object.fields) {
    if (field.key_kind != Field::KeyKind::Computed && field.key == key) return &field;
  }
  return nullptr;
}

std::string line_indent(const std::string& text, size_t offset) {
  size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = start == std::string::npos ? 0 : start + 1;
  size_t end = start;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  return text.substr(start, end - start);
}

bool alone_on_its_line(const std::string& text, size_t offset) {
  for (size_t i = offset; i > 0; --i) {
    const char c = text[i - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

struct Splice {
  size_t begin = 0;
  size_t end = 0;
  std::string text;
};

std::string splice_into(const std::string& text, const Splice& s) {
  return text.substr(0, s.begin) + s.text + text.substr(s.end);
}

// The indentation a new field of `object` gets.
std::string field_indent(const std::string& text, const Node& object) {
  if (!object.fields.empty()) return line_indent(text, object.fields.back().span.begin);
  return line_indent(text, object.span.begin) + "  ";
}

// Inserts `field` ("key: value") after the last field, in the object's own style.
Splice insert_field(const std::string& text, const Node& object, const std::string& field, bool expand_empty) {
  if (!object.fields.empty()) {
    const Field& last = object.fields.back();
    const bool has_comma = last.comma.end > last.comma.begin;
    if (object.multiline) {
      const std::string indent = line_indent(text, last.span.begin);
      if (has_comma) return {last.comma.end, last.comma.end, "\n" + indent + field + ","};
      return {last.span.end, last.span.end, ",\n" + indent + field};
    }
    if (has_comma) return {last.comma.end, last.comma.end, " " + field + ","};
    return {last.span.end, last.span.end, ", " + field};
  }
  const size_t open = object.span.begin + 1;
  if (object.multiline) {
    return {open, open, "\n" + line_indent(text, object.span.begin) + "  " + field + ","};
  }
  if (expand_empty) {
    const std::string indent = line_indent(text, object.span.begin);
    return {object.span.begin, object.span.end, "{\n" + indent + "  " + field + ",\n" + indent + "}"};
  }
  return {object.span.begin, object.span.end, "{ " + field + " }"};
}

// Removes a field with its comma, and its whole line when it stands alone there.
Splice remove_field(const std::string& text, const Node& object, const Field& field) {
  const bool has_comma = field.comma.end > field.comma.begin;
  size_t begin = field.span.begin;
  size_t end = has_comma ? field.comma.end : field.span.end;
  if (object.multiline && alone_on_its_line(text, begin)) {
    while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
    size_t e = end;
    while (e < text.size() && (text[e] == ' ' || text[e] == '\t')) ++e;
    // A comment after the field on its line belongs to it.
    if (text.compare(e, 2, "//") == 0 || (e < text.size() && text[e] == '#')) {
      while (e < text.size() && text[e] != '\n') ++e;
    }
    if (e < text.size() && text[e] == '\n') end = e + 1;
    if (!has_comma && &field == &object.fields.back() && object.fields.size() > 1) {
      // The new last field keeps no dangling comma problem: Jsonnet allows a trailing one.
    }
    return {begin, end, ""};
  }
  // One-line object: also drop the separating comma and space on one side.
  if (!has_comma && &field != &object.fields.front()) {
    const Field& previous = *(&field - 1);
    return {previous.comma.begin, field.span.end, ""};
  }
  while (end < text.size() && text[end] == ' ') ++end;
  return {begin, end, ""};
}

// Builds the nested object text for path[i..] = value.
json nested(const std::vector<std::string>& path, size_t i, const json& value) {
  json out = value;
  for (size_t k = path.size(); k-- > i + 1;) out = json{{path[k], out}};
  return out;
}

// Sets path = value inside `object` (an object literal of `doc`).
std::string set_path(const Doc& doc, const Node& start, const std::vector<std::string>& path, const json& value,
                     bool expand_empty) {
  const Node* object = &start;
  for (size_t i = 0; i < path.size(); ++i) {
    const Field* field = find_field(*object, path[i]);
    if (field == nullptr) {
      const json rest = nested(path, i, value);
      return splice_into(doc.text, insert_field(doc.text, *object, key_text(path[i], doc) + ": " + literal(rest, doc),
                                          expand_empty));
    }
    if (i + 1 == path.size()) {
      const std::string replacement = literal(value, doc);
      const std::string current = doc.text.substr(field->value->span.begin, field->value->span.end - field->value->span.begin);
      if (current == replacement) return doc.text;
      return splice_into(doc.text, {field->value->span.begin, field->value->span.end, replacement});
    }
    const Node* inner = unwrap(field->value.get());
    if (inner == nullptr || inner->kind != Node::Kind::Object) {
      throw Error("cannot set \"" + path[i + 1] + "\" inside \"" + path[i] + "\": its value is not an object literal",
                  "edit this expression by hand", location(doc, field->value->span.begin));
    }
    object = inner;
  }
  return doc.text;
}

std::string delete_path(const Doc& doc, const Node& start, const std::vector<std::string>& path,
                        const std::string& what) {
  const Node* object = &start;
  for (size_t i = 0; i < path.size(); ++i) {
    const Field* field = find_field(*object, path[i]);
    if (field == nullptr) {
      throw Error(what + " has no parameter \"" + path[i] + "\"", "see the parameters with kgen param list",
                  location(doc, object->span.begin));
    }
    if (i + 1 == path.size()) return splice_into(doc.text, remove_field(doc.text, *object, *field));
    const Node* inner = unwrap(field->value.get());
    if (inner == nullptr || inner->kind != Node::Kind::Object) {
      throw Error(what + ": \"" + path[i] + "\" is not an object literal", "edit this expression by hand",
                  location(doc, field->value->span.begin));
    }
    object = inner;
  }
  return doc.text;
}

// The top-level object of a module params file, and its `components` object.
const Node& components_object(const Doc& doc) {
  const Node* top = unwrap(doc.root.get());
  if (top == nullptr || top->kind != Node::Kind::Object) {
    throw Error("the params file is not an object literal", "it should look like { global: {}, components: {...} }",
                location(doc, doc.root->span.begin));
  }
  const Field* components = find_field(*top, "components");
  const Node* object = components ? unwrap(components->value.get()) : nullptr;
  if (object == nullptr || object->kind != Node::Kind::Object) {
    throw Error("no `components: { ... }` object literal in the params file", "add one: components: {},",
                location(doc, top->span.begin));
  }
  return *object;
}

// The `components+: { ... }` object of an environment params file, wherever it is
// (in `local envParams = params + {...}` or a top-level `params + {...}`).
const Node* find_env_components(const Node& node) {
  if (node.kind == Node::Kind::Object) {
    for (const auto& field : node.fields) {
      if (field.key == "components" && field.plus) {
        const Node* value = unwrap(field.value.get());
        if (value != nullptr && value->kind == Node::Kind::Object) return value;
      }
    }
  }
  for (const auto& child : node.children) {
    if (const Node* found = find_env_components(*child)) return found;
  }
  for (const auto& field : node.fields) {
    if (field.value) {
      if (const Node* found = find_env_components(*field.value)) return found;
    }
  }
  return nullptr;
}

const Node& env_components_object(const Doc& doc) {
  const Node* object = find_env_components(*doc.root);
  if (object == nullptr) {
    throw Error("no `components+: { ... }` override object in the environment's params file",
                "restore ks's template: local envParams = params + { components+: {} };", {doc.file, 1});
  }
  return *object;
}

}  // namespace

void check_syntax(const std::string& text, const std::string& file) { parse_doc(text, file); }

std::string set_component_param(const std::string& text, const std::string& file, const std::string& component,
                                const std::vector<std::string>& path, const json& value) {
  const Doc doc = parse_doc(text, file);
  const Node& components = components_object(doc);
  const Field* entry = find_field(components, component);
  if (entry == nullptr) {
    // A component without params yet: a new entry laid out like its neighbours.
    const std::string indent = field_indent(text, components);
    const json object = {{path[0], nested(path, 0, value)}};
    std::string entry_text = key_text(component, doc) + ": ";
    if (components.multiline) {
      entry_text += "{\n" + indent + "  " + key_text(path[0], doc) + ": " +
                    literal(object[path[0]], doc) + ",\n" + indent + "}";
    } else {
      entry_text += literal(object, doc);
    }
    return splice_into(text, insert_field(text, components, entry_text, false));
  }
  const Node* params = unwrap(entry->value.get());
  if (params == nullptr || params->kind != Node::Kind::Object) {
    throw Error("the params of component \"" + component + "\" are not an object literal",
                "edit this expression by hand", location(doc, entry->value->span.begin));
  }
  return set_path(doc, *params, path, value, true);
}

std::string delete_component_param(const std::string& text, const std::string& file, const std::string& component,
                                   const std::vector<std::string>& path) {
  const Doc doc = parse_doc(text, file);
  const Node& components = components_object(doc);
  const Field* entry = find_field(components, component);
  const Node* params = entry ? unwrap(entry->value.get()) : nullptr;
  if (params == nullptr || params->kind != Node::Kind::Object) {
    throw Error("component \"" + component + "\" has no params object", "see the parameters with kgen param list",
                location(doc, components.span.begin));
  }
  return delete_path(doc, *params, path, "component \"" + component + "\"");
}

std::string set_env_param(const std::string& text, const std::string& file, const std::string& component,
                          const std::string& key, const json& value) {
  const Doc doc = parse_doc(text, file);
  const Node& components = env_components_object(doc);
  const Field* entry = find_field(components, component);
  if (entry == nullptr) {
    const std::string indent = field_indent(text, components);
    const std::string entry_text = jsonnet_string(component, '"') + "+: {\n" + indent + "  " + key_text(key, doc) + ": " +
                                   literal(value, doc) + ",\n" + indent + "}";
    return splice_into(text, insert_field(text, components, entry_text, true));
  }
  const Node* params = unwrap(entry->value.get());
  if (params == nullptr || params->kind != Node::Kind::Object) {
    throw Error("the override of component \"" + component + "\" is not an object literal",
                "edit this expression by hand", location(doc, entry->value->span.begin));
  }
  return set_path(doc, *params, {key}, value, true);
}

std::string delete_env_param(const std::string& text, const std::string& file, const std::string& component,
                             const std::string& key) {
  const Doc doc = parse_doc(text, file);
  const Node& components = env_components_object(doc);
  const Field* entry = find_field(components, component);
  const Node* params = entry ? unwrap(entry->value.get()) : nullptr;
  if (params == nullptr || params->kind != Node::Kind::Object) {
    throw Error("the environment does not override component \"" + component + "\"",
                "see its parameters with kgen param list --env ENV", location(doc, components.span.begin));
  }
  return delete_path(doc, *params, {key}, "the override of component \"" + component + "\"");
}

std::string remove_component_entry(const std::string& text, const std::string& file, const std::string& component,
                                   bool env_overrides) {
  const Doc doc = parse_doc(text, file);
  const Node* components = nullptr;
  if (env_overrides) {
    components = find_env_components(*doc.root);
    if (components == nullptr) return text;
  } else {
    components = &components_object(doc);
  }
  const Field* entry = find_field(*components, component);
  if (entry == nullptr) return text;
  return splice_into(text, remove_field(text, *components, *entry));
}

std::string add_component_entry(const std::string& text, const std::string& file, const std::string& component,
                                const std::vector<std::pair<std::string, std::string>>& params) {
  Doc doc = parse_doc(text, file);
  // ks's new entries quoted keys with double quotes; a file that shows no preference gets them too.
  if (!doc.quotes_seen) doc.key_quote = '"';
  const Node& components = components_object(doc);
  if (find_field(components, component) != nullptr) {
    throw Error("the params file already has an entry for component \"" + component + "\"",
                "remove it (kgen component rm, or by hand) or pick another name", location(doc, components.span.begin));
  }
  const std::string indent = field_indent(text, components);
  std::string entry;
  if (components.multiline) {
    // One parameter per line, as `ks generate` wrote them; an entry without parameters
    // is ks's `{` blank line `}` (what `ks import` wrote).
    entry = key_text(component, doc) + ": {\n";
    for (const auto& [key, value] : params) entry += indent + "  " + key_text(key, doc) + ": " + value + ",\n";
    if (params.empty()) entry += "\n";
    entry += indent + "}";
  } else {
    entry = key_text(component, doc) + ": {";
    for (const auto& [key, value] : params) entry += " " + key_text(key, doc) + ": " + value + ",";
    entry += params.empty() ? "}" : " }";
  }
  // In ks's template the empty object holds comments: the entry goes after them.
  const size_t close = components.span.end - 1;
  if (components.fields.empty() && components.multiline && alone_on_its_line(text, close)) {
    const size_t line_start = text.rfind('\n', close) + 1;
    return splice_into(text, {line_start, line_start, indent + entry + ",\n"});
  }
  return splice_into(text, insert_field(text, components, entry, false));
}

std::string set_global_param(const std::string& text, const std::string& file, const std::vector<std::string>& path,
                             const json& value) {
  const Doc doc = parse_doc(text, file);
  const Node* top = unwrap(doc.root.get());
  if (top == nullptr || top->kind != Node::Kind::Object) {
    throw Error("globals.libsonnet is not an object literal", "make it an object: { }", {file, 1});
  }
  return set_path(doc, *top, path, value, true);
}

std::string delete_global_param(const std::string& text, const std::string& file,
                                const std::vector<std::string>& path) {
  const Doc doc = parse_doc(text, file);
  const Node* top = unwrap(doc.root.get());
  if (top == nullptr || top->kind != Node::Kind::Object) {
    throw Error("globals.libsonnet is not an object literal", "make it an object: { }", {file, 1});
  }
  return delete_path(doc, *top, path, "the environment's globals");
}

}  // namespace kgen::params
