#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "prototype/prototype.h"

namespace kgen::prototype {
namespace {

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// "// text" -> "text"; false when the line is not a // comment.
bool comment_text(const std::string& line, std::string* text) {
  const std::string t = trim(line);
  if (t.compare(0, 2, "//") != 0) return false;
  *text = trim(t.substr(2));
  return true;
}

// Splits off the first `n` whitespace-separated words; the rest is the last element.
std::vector<std::string> words(const std::string& text, size_t n) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string word;
  while (out.size() < n && in >> word) out.push_back(word);
  std::string rest;
  std::getline(in, rest);
  out.push_back(trim(rest));
  return out;
}

// ks's strings.SplitN(text, " ", n): split at single spaces, so two spaces in a row
// leave an empty field between them (`@optionalParam NAME TYPE  DESCRIPTION` has an
// empty default, as Kubeflow's prototypes relied on).
std::vector<std::string> split_at_spaces(const std::string& text, size_t n) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (out.size() + 1 < n) {
    const size_t space = text.find(' ', begin);
    if (space == std::string::npos) break;
    out.push_back(text.substr(begin, space - begin));
    begin = space + 1;
  }
  out.push_back(text.substr(begin));
  return out;
}

}  // namespace

Prototype parse_prototype(const std::string& text, const std::string& file) {
  Prototype p;
  p.file = file;
  std::string* continued = nullptr;  // the description that continuation lines extend
  std::istringstream in(text);
  std::string line;
  int number = 0;
  size_t offset = 0;
  size_t body_begin = 0;
  std::string kept;  // comment lines among the annotations that are not annotations
  bool in_header = true;
  while (in_header && std::getline(in, line)) {
    ++number;
    const size_t line_end = offset + line.size() + (in.eof() ? 0 : 1);
    std::string comment;
    if (!comment_text(line, &comment)) break;  // the template starts here
    offset = line_end;
    body_begin = offset;
    if (comment.empty() || comment[0] != '@') {
      // ks read indented lines after @description as its continuation, up to a blank
      // comment line; other comment lines stay in the template.
      if (continued != nullptr && !comment.empty()) {
        *continued += "\n" + comment;
      } else {
        continued = nullptr;
        kept += line + "\n";
      }
      continue;
    }
    continued = nullptr;
    const auto w = words(comment, 1);
    const std::string& tag = w[0];
    const std::string& rest = w[1];
    const Location where{file, number, 1};
    if (tag == "@apiVersion") {
      continue;
    } else if (tag == "@name") {
      p.name = rest;
    } else if (tag == "@description") {
      p.description = rest;
      continued = &p.description;
    } else if (tag == "@shortDescription") {
      p.short_description = rest;
    } else if (tag == "@param" || tag == "@optionalParam") {
      Param param;
      param.optional = tag == "@optionalParam";
      // The text after the tag and its one space, as ks cut it.
      const std::string fields = comment.size() > tag.size() ? comment.substr(tag.size() + 1) : "";
      const auto f = split_at_spaces(fields, param.optional ? 4 : 3);
      if (f.size() < (param.optional ? 4u : 3u) || f[0].empty() || f[1].empty()) {
        throw Error(tag + " needs a name, a type" + std::string(param.optional ? ", a default" : "") +
                        " and a description",
                    "write // " + tag + " NAME TYPE " + (param.optional ? "DEFAULT " : "") + "DESCRIPTION", where);
      }
      param.name = f[0];
      param.type = f[1];
      if (param.optional) param.default_value = f[2];
      param.description = f.back();
      p.params.push_back(param);
    } else {
      throw Error("unknown prototype annotation " + tag,
                  "use @apiVersion, @name, @description, @shortDescription, @param or @optionalParam", where);
    }
  }
  if (p.name.empty()) {
    throw Error("the prototype has no @name annotation", "start the file with // @name io.example.pkg.NAME", {file, 1});
  }
  p.body = kept + text.substr(body_begin);
  return p;
}

}  // namespace kgen::prototype
