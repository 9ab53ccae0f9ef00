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

Translated translate_text(const std::string& raw, const ImportResolver& resolver) {
  Translated out;
  re2::StringPiece input(raw);
  re2::StringPiece whole;
  std::string tagged, l1, c1, c2, ml1, mc1, ml2, mc2;
  const char* cursor = raw.data();
  while (RE2::FindAndConsume(&input, location_pattern(), &whole, &tagged, &l1, &c1, &c2, &ml1, &mc1, &ml2, &mc2)) {
    out.text.append(cursor, static_cast<size_t>(whole.data() - cursor));
    const size_t prelude = resolver.prelude_length(tagged);
    std::string path = shown_path(tagged);
    int line = 0, column = 0;
    std::string position;
    if (!l1.empty()) {
      line = std::stoi(l1);
      column = shift(line, std::stoi(c1), prelude);
      std::string real_file;
      int real_line = 0;
      if (resolver.map_bundle_line(tagged, line, &real_file, &real_line)) {
        path = display_path(real_file);
        line = real_line;
      }
      position = std::to_string(line) + ":" + std::to_string(column);
      if (!c2.empty()) position += "-" + std::to_string(shift(std::stoi(l1), std::stoi(c2), prelude));
    } else {
      line = std::stoi(ml1);
      column = shift(line, std::stoi(mc1), prelude);
      int line2 = std::stoi(ml2);
      const int column2 = shift(line2, std::stoi(mc2), prelude);
      std::string real_file, real_file2;
      int real_line = 0, real_line2 = 0;
      if (resolver.map_bundle_line(tagged, line, &real_file, &real_line) &&
          resolver.map_bundle_line(tagged, line2, &real_file2, &real_line2) && real_file == real_file2) {
        path = display_path(real_file);
        line = real_line;
        line2 = real_line2;
      }
      position = "(" + std::to_string(line) + ":" + std::to_string(column) + ")-(" + std::to_string(line2) + ":" +
                 std::to_string(column2) + ")";
    }
    const std::string replacement = path + ":" + position;
    if (out.first.file.empty() && tagged.rfind(kVirtualPrefix, 0) != 0) out.first = {path, line, column};
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
