#include "encoding/yaml_syntax.h"

#include <yaml.h>

#include <string>

namespace kgen::encoding {

bool check_yaml_syntax(const std::string& text, int* line, int* column, std::string* message) {
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0) {
    *message = "out of memory";
    return false;
  }
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  bool ok = true;
  for (;;) {
    yaml_event_t event;
    if (yaml_parser_parse(&parser, &event) == 0) {
      ok = false;
      const yaml_mark_t& mark = parser.problem_mark;
      *line = static_cast<int>(mark.line) + 1;
      *column = static_cast<int>(mark.column) + 1;
      *message = parser.problem != nullptr ? parser.problem : "invalid YAML";
      if (parser.context != nullptr) *message = std::string(parser.context) + ": " + *message;
      break;
    }
    const bool done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (done) break;
  }
  yaml_parser_delete(&parser);
  return ok;
}

}  // namespace kgen::encoding
