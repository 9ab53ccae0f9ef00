#include "jsonnet/error_translate.h"

#include <re2/re2.h>

#include <sstream>
#include <string>
#include <vector>

namespace kgen::jsonnet {
namespace {

// A path as libjsonnet prints it, followed by "line:col[-col]" or "(l:c)-(l:c)".
const RE2& location_pattern() {
  static const RE2 re(
      R"(((kgen!(?:v!|\d+!)[^:\s]*):(?:(\d+):(\d+)(?:-(\d+))?|\((\d+):(\d+)\)-\((\d+):(\d+)\))))");
  return re;
}

struct Translated {
  std::string text;
  Location first;  // first real-file location met, if any
};

std::string shown_path(const std::string& tagged) {
  if (tagged.rfind(kVirtualPrefix, 0) == 0) return "<kgen:" + tagged.substr(std::char_traits<char>::length(kVirtualPrefix)) + ">";
  int id = 0;
  std::string path;
  if (parse_tagged_path(tagged, &id, &path)) return display_path(path);
  return tagged;
}

int shift(int line, int column, size_t prelude) {
  if (line == 1 && prelude > 0 && column > static_cast<int>(prelude)) return column - static_cast<int>(prelude);
  return column;
}

struct Position {
  std::string path;  // as shown to the user
  int line = 0;
  int column = 0;
};

// Follows a location through generated text back to the user's file: the linked
// program maps to served files, a served file may start with a prelude (columns of
// line 1 shift), and a component bundle maps to the component files.
Position locate(const ImportResolver& resolver, std::string tagged, int line, int column) {
  for (int depth = 0; depth < 8; ++depth) {
    column = shift(line, column, resolver.prelude_length(tagged));
    std::string file;
    int real_line = 0;
    if (!resolver.map_bundle_line(tagged, line, &file, &real_line)) break;
    tagged = file;
    line = real_line;
    if (tagged.rfind(kTagPrefix, 0) != 0) return {display_path(tagged), line, column};
  }
  return {shown_path(tagged), line, column};
}

Translated translate_text(const std::string& raw, const ImportResolver& resolver) {
  Translated out;
  re2::StringPiece input(raw);
  re2::StringPiece whole;
  std::string tagged, l1, c1, c2, ml1, mc1, ml2, mc2;
  const char* cursor = raw.data();
  while (RE2::FindAndConsume(&input, location_pattern(), &whole, &tagged, &l1, &c1, &c2, &ml1, &mc1, &ml2, &mc2)) {
    out.text.append(cursor, static_cast<size_t>(whole.data() - cursor));
    std::string path;
    int line = 0, column = 0;
    std::string position;
    if (!l1.empty()) {
      Position begin = locate(resolver, tagged, std::stoi(l1), std::stoi(c1));
      path = begin.path;
      line = begin.line;
      column = begin.column;
      position = std::to_string(line) + ":" + std::to_string(column);
      if (!c2.empty()) position += "-" + std::to_string(locate(resolver, tagged, std::stoi(l1), std::stoi(c2)).column);
    } else {
      Position begin = locate(resolver, tagged, std::stoi(ml1), std::stoi(mc1));
      Position end = locate(resolver, tagged, std::stoi(ml2), std::stoi(mc2));
      path = begin.path;
      line = begin.line;
      column = begin.column;
      position = "(" + std::to_string(begin.line) + ":" + std::to_string(begin.column) + ")-(" +
                 std::to_string(end.line) + ":" + std::to_string(end.column) + ")";
    }
    const bool generated = path.rfind("<kgen:", 0) == 0;
    const std::string replacement = path + ":" + position;
    if (out.first.file.empty() && !generated) out.first = {path, line, column};
    out.text += replacement;
    cursor = whole.data() + whole.size();
  }
  out.text.append(cursor, static_cast<size_t>(raw.data() + raw.size() - cursor));
  return out;
}

}  // namespace

Error translate_jsonnet_error(const std::string& raw, const ImportResolver& resolver) {
  const Translated translated = translate_text(raw, resolver);
  std::istringstream lines(translated.text);
  std::string first_line, line, details;
  std::getline(lines, first_line);
  while (std::getline(lines, line)) {
    // Frames in kgen's generated glue mean nothing to the user.
    if (line.empty() || line.find("\t<kgen:") == 0) continue;
    details += line + "\n";
  }
  std::string message = first_line;
  // A static error carries its location in the first line; the stack's innermost user
  // frame is the location of a runtime error.
  Location where = translated.first;
  const std::string static_prefix = "STATIC ERROR: ";
  if (message.rfind(static_prefix, 0) == 0 && !where.file.empty()) {
    const size_t after_location = message.find(": ", static_prefix.size());
    if (after_location != std::string::npos) message = "STATIC ERROR: " + message.substr(after_location + 2);
  }
  return Error(message, {}, where, details);
}

}  // namespace kgen::jsonnet
