// A port of the parts of go-yaml v2's emitter (emitterc.go) that ks's output used:
// block mappings and sequences, empty flow collections, and the four scalar styles.
// Function names follow the original so the two can be read side by side.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "encoding/go_number.h"
#include "encoding/go_yaml.h"
#include "encoding/go_yaml_resolve.h"

namespace kgen::encoding {
namespace {

using nlohmann::json;

enum class Style { Plain, SingleQuoted, DoubleQuoted, Literal };

// Byte-class predicates from go-yaml's yamlprivateh.go.
int width(unsigned char c) {
  if ((c & 0x80) == 0x00) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;  // invalid lead byte: step over it rather than loop
}

unsigned char at(const std::string& s, size_t i) {
  return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

bool is_space(const std::string& s, size_t i) { return at(s, i) == ' '; }
bool is_tab(const std::string& s, size_t i) { return at(s, i) == '\t'; }
bool is_blank(const std::string& s, size_t i) { return is_space(s, i) || is_tab(s, i); }
bool is_break(const std::string& s, size_t i) {
  const auto c = at(s, i);
  return c == '\r' || c == '\n' || (c == 0xC2 && at(s, i + 1) == 0x85) ||
         (c == 0xE2 && at(s, i + 1) == 0x80 && (at(s, i + 2) == 0xA8 || at(s, i + 2) == 0xA9));
}
bool is_z(const std::string& s, size_t i) { return i >= s.size(); }
bool is_blankz(const std::string& s, size_t i) { return is_blank(s, i) || is_break(s, i) || is_z(s, i); }
bool is_bom(const std::string& s, size_t i) {
  return at(s, i) == 0xEF && at(s, i + 1) == 0xBB && at(s, i + 2) == 0xBF;
}
bool is_printable(const std::string& s, size_t i) {
  const auto c = at(s, i);
  const auto c1 = at(s, i + 1);
  const auto c2 = at(s, i + 2);
  return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && c1 >= 0xA0) || (c > 0xC2 && c < 0xED) ||
         (c == 0xED && c1 < 0xA0) || c == 0xEE ||
         (c == 0xEF && !(c1 == 0xBB && c2 == 0xBF) && !(c1 == 0xBF && (c2 == 0xBE || c2 == 0xBF)));
}

struct ScalarAnalysis {
  bool multiline = false;
  bool flow_plain_allowed = false;
  bool block_plain_allowed = false;
  bool single_quoted_allowed = false;
  bool block_allowed = false;
};

ScalarAnalysis analyze_scalar(const std::string& value) {
  ScalarAnalysis a;
  if (value.empty()) {
    a.block_plain_allowed = true;
    a.single_quoted_allowed = true;
    return a;
  }
  bool block_indicators = false, flow_indicators = false, line_breaks = false, special_characters = false;
  bool leading_space = false, leading_break = false, trailing_space = false, trailing_break = false;
  bool break_space = false, space_break = false;
  bool previous_space = false, previous_break = false;

  if (value.size() >= 3 && (value.compare(0, 3, "---") == 0 || value.compare(0, 3, "...") == 0)) {
    block_indicators = true;
    flow_indicators = true;
  }
  bool preceded_by_whitespace = true;
  for (size_t i = 0, w = 0; i < value.size(); i += w) {
    w = static_cast<size_t>(width(at(value, i)));
    const bool followed_by_whitespace = i + w >= value.size() || is_blank(value, i + w);
    const char c = value[i];
    if (i == 0) {
      switch (c) {
        case '#': case ',': case '[': case ']': case '{': case '}': case '&': case '*':
        case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
          flow_indicators = true;
          block_indicators = true;
          break;
        case '?': case ':':
          flow_indicators = true;
          if (followed_by_whitespace) block_indicators = true;
          break;
        case '-':
          if (followed_by_whitespace) {
            flow_indicators = true;
            block_indicators = true;
          }
          break;
        default:
          break;
      }
    } else {
      switch (c) {
        case ',': case '?': case '[': case ']': case '{': case '}':
          flow_indicators = true;
          break;
        case ':':
          flow_indicators = true;
          if (followed_by_whitespace) block_indicators = true;
          break;
        case '#':
          if (preceded_by_whitespace) {
            flow_indicators = true;
            block_indicators = true;
          }
          break;
        default:
          break;
      }
    }
    // The encoder turns unicode output on, so only unprintable characters are special.
    if (!is_printable(value, i)) special_characters = true;
    if (is_space(value, i)) {
      if (i == 0) leading_space = true;
      if (i + w == value.size()) trailing_space = true;
      if (previous_break) break_space = true;
      previous_space = true;
      previous_break = false;
    } else if (is_break(value, i)) {
      line_breaks = true;
      if (i == 0) leading_break = true;
      if (i + w == value.size()) trailing_break = true;
      if (previous_space) space_break = true;
      previous_space = false;
      previous_break = true;
    } else {
      previous_space = false;
      previous_break = false;
    }
    preceded_by_whitespace = is_blankz(value, i);
  }

  a.multiline = line_breaks;
  a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = a.block_allowed = true;
  if (leading_space || leading_break || trailing_space || trailing_break) {
    a.flow_plain_allowed = a.block_plain_allowed = false;
  }
  if (trailing_space) a.block_allowed = false;
  if (break_space) a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = false;
  if (space_break || special_characters) {
    a.flow_plain_allowed = a.block_plain_allowed = a.single_quoted_allowed = a.block_allowed = false;
  }
  if (line_breaks) a.flow_plain_allowed = a.block_plain_allowed = false;
  if (flow_indicators) a.flow_plain_allowed = false;
  if (block_indicators) a.block_plain_allowed = false;
  return a;
}

class Emitter {
 public:
  std::string take() { return std::move(out_); }

  void emit_document(const json& value) {
    emit_node(value, /*root=*/true, false, false, false);
    // yaml_emitter_emit_document_end: finish the last line.
    indent_ = -1;
    write_indent();
  }

 private:
  static constexpr int kBestIndent = 2;
  static constexpr int kBestWidth = 80;

  std::string out_;
  int column_ = 0;
  bool whitespace_ = true;
  bool indention_ = true;
  int indent_ = -1;
  std::vector<int> indents_;
  int flow_level_ = 0;
  bool root_context_ = false, sequence_context_ = false, mapping_context_ = false, simple_key_context_ = false;
  ScalarAnalysis scalar_;

  void put(char c) {
    out_.push_back(c);
    ++column_;
  }
  void put_break() {
    out_.push_back('\n');
    column_ = 0;
  }
  void write(const std::string& s, size_t* i) {
    const int w = width(at(s, *i));
    out_.append(s, *i, static_cast<size_t>(w));
    *i += static_cast<size_t>(w);
    ++column_;
  }
  void write_break(const std::string& s, size_t* i) {
    if (s[*i] == '\n') {
      put_break();
      ++*i;
    } else {
      write(s, i);
      column_ = 0;
    }
  }

  void increase_indent(bool flow, bool indentless) {
    indents_.push_back(indent_);
    if (indent_ < 0) {
      indent_ = flow ? kBestIndent : 0;
    } else if (!indentless) {
      indent_ += kBestIndent;
    }
  }
  void pop_indent() {
    indent_ = indents_.back();
    indents_.pop_back();
  }

  void write_indent() {
    const int indent = indent_ < 0 ? 0 : indent_;
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) put_break();
    while (column_ < indent) put(' ');
    whitespace_ = true;
    indention_ = true;
  }

  void write_indicator(const char* indicator, bool need_whitespace, bool is_whitespace, bool is_indention) {
    if (need_whitespace && !whitespace_) put(' ');
    for (const char* p = indicator; *p; ++p) put(*p);
    whitespace_ = is_whitespace;
    indention_ = indention_ && is_indention;
  }

  void emit_node(const json& value, bool root, bool sequence, bool mapping, bool simple_key) {
    root_context_ = root;
    sequence_context_ = sequence;
    mapping_context_ = mapping;
    simple_key_context_ = simple_key;
    if (value.is_object()) {
      emit_mapping(value);
    } else if (value.is_array()) {
      emit_sequence(value);
    } else {
      emit_scalar_value(value);
    }
  }

  void emit_scalar_value(const json& value) {
    switch (value.type()) {
      case json::value_t::null:
        emit_scalar("null", Style::Plain);
        return;
      case json::value_t::boolean:
        emit_scalar(value.get<bool>() ? "true" : "false", Style::Plain);
        return;
      case json::value_t::number_integer:
      case json::value_t::number_unsigned:
      case json::value_t::number_float:
        emit_scalar(go_yaml_number(value.get<double>()), Style::Plain);
        return;
      case json::value_t::string:
        emit_string(value.get_ref<const std::string&>());
        return;
      default:
        emit_scalar("null", Style::Plain);
        return;
    }
  }

  // encoder.stringv: quote what would read back as another type; multi-line text
  // asks for a literal block.
  void emit_string(const std::string& s) {
    const bool can_use_plain =
        resolve_plain_scalar(s).kind == ScalarKind::String && !is_base60_float(s);
    Style style = Style::DoubleQuoted;
    if (s.find('\n') != std::string::npos) {
      style = Style::Literal;
    } else if (can_use_plain) {
      style = Style::Plain;
    }
    emit_scalar(s, style);
  }

  void emit_scalar(const std::string& value, Style requested) {
    scalar_ = analyze_scalar(value);
    const Style style = select_scalar_style(value, requested);
    increase_indent(true, false);
    switch (style) {
      case Style::Plain:
        write_plain_scalar(value, !simple_key_context_);
        break;
      case Style::SingleQuoted:
        write_single_quoted_scalar(value, !simple_key_context_);
        break;
      case Style::DoubleQuoted:
        write_double_quoted_scalar(value, !simple_key_context_);
        break;
      case Style::Literal:
        write_literal_scalar(value);
        break;
    }
    pop_indent();
  }

  Style select_scalar_style(const std::string& value, Style style) const {
    if (simple_key_context_ && scalar_.multiline) style = Style::DoubleQuoted;
    if (style == Style::Plain) {
      if ((flow_level_ > 0 && !scalar_.flow_plain_allowed) || (flow_level_ == 0 && !scalar_.block_plain_allowed)) {
        style = Style::SingleQuoted;
      }
      if (value.empty() && (flow_level_ > 0 || simple_key_context_)) style = Style::SingleQuoted;
    }
    if (style == Style::SingleQuoted && !scalar_.single_quoted_allowed) style = Style::DoubleQuoted;
    if (style == Style::Literal && (!scalar_.block_allowed || flow_level_ > 0 || simple_key_context_)) {
      style = Style::DoubleQuoted;
    }
    return style;
  }

  bool check_simple_key(const std::string& key) const {
    return !analyze_scalar(key).multiline && key.size() <= 128;
  }

  void emit_sequence(const json& items) {
    if (flow_level_ > 0 || items.empty()) {
      write_indicator("[", true, true, false);
      increase_indent(true, false);
      ++flow_level_;
      --flow_level_;
      pop_indent();
      write_indicator("]", false, false, false);
      return;
    }
    increase_indent(false, mapping_context_ && !indention_);
    for (const auto& item : items) {
      write_indent();
      write_indicator("-", true, false, true);
      emit_node(item, false, true, false, false);
    }
    pop_indent();
  }

  void emit_mapping(const json& object) {
    if (flow_level_ > 0 || object.empty()) {
      write_indicator("{", true, true, false);
      increase_indent(true, false);
      ++flow_level_;
      --flow_level_;
      pop_indent();
      write_indicator("}", false, false, false);
      return;
    }
    std::vector<const std::string*> keys;
    keys.reserve(object.size());
    for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(&it.key());
    std::sort(keys.begin(), keys.end(),
              [](const std::string* a, const std::string* b) { return go_yaml_key_less(*a, *b); });

    increase_indent(false, false);
    for (const std::string* key : keys) {
      write_indent();
      const json key_node(*key);
      if (check_simple_key(*key)) {
        emit_node(key_node, false, false, true, true);
        write_indicator(":", false, false, false);
      } else {
        write_indicator("?", true, false, true);
        emit_node(key_node, false, false, true, false);
        write_indent();
        write_indicator(":", true, false, true);
      }
      emit_node(object.at(*key), false, false, true, false);
    }
    pop_indent();
  }

  void write_plain_scalar(const std::string& value, bool allow_breaks) {
    if (!whitespace_) put(' ');
    bool spaces = false, breaks = false;
    for (size_t i = 0; i < value.size();) {
      if (is_space(value, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && !is_space(value, i + 1)) {
          write_indent();
          i += static_cast<size_t>(width(at(value, i)));
        } else {
          write(value, &i);
        }
        spaces = true;
      } else if (is_break(value, i)) {
        if (!breaks && value[i] == '\n') put_break();
        write_break(value, &i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        write(value, &i);
        indention_ = false;
        spaces = false;
        breaks = false;
      }
    }
    whitespace_ = false;
    indention_ = false;
  }

  void write_single_quoted_scalar(const std::string& value, bool allow_breaks) {
    write_indicator("'", true, false, false);
    bool spaces = false, breaks = false;
    for (size_t i = 0; i < value.size();) {
      if (is_space(value, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i < value.size() - 1 &&
            !is_space(value, i + 1)) {
          write_indent();
          i += static_cast<size_t>(width(at(value, i)));
        } else {
          write(value, &i);
        }
        spaces = true;
      } else if (is_break(value, i)) {
        if (!breaks && value[i] == '\n') put_break();
        write_break(value, &i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        if (value[i] == '\'') put('\'');
        write(value, &i);
        indention_ = false;
        spaces = false;
        breaks = false;
      }
    }
    write_indicator("'", false, false, false);
    whitespace_ = false;
    indention_ = false;
  }

  void write_double_quoted_scalar(const std::string& value, bool allow_breaks) {
    write_indicator("\"", true, false, false);
    bool spaces = false;
    for (size_t i = 0; i < value.size();) {
      if (!is_printable(value, i) || is_bom(value, i) || is_break(value, i) || value[i] == '"' ||
          value[i] == '\\') {
        unsigned char octet = at(value, i);
        int w = 1;
        char32_t v = octet & 0x7F;
        if ((octet & 0xE0) == 0xC0) {
          w = 2;
          v = octet & 0x1F;
        } else if ((octet & 0xF0) == 0xE0) {
          w = 3;
          v = octet & 0x0F;
        } else if ((octet & 0xF8) == 0xF0) {
          w = 4;
          v = octet & 0x07;
        }
        for (int k = 1; k < w; ++k) v = (v << 6) + (at(value, i + static_cast<size_t>(k)) & 0x3F);
        i += static_cast<size_t>(w);
        put('\\');
        switch (v) {
          case 0x00: put('0'); break;
          case 0x07: put('a'); break;
          case 0x08: put('b'); break;
          case 0x09: put('t'); break;
          case 0x0A: put('n'); break;
          case 0x0B: put('v'); break;
          case 0x0C: put('f'); break;
          case 0x0D: put('r'); break;
          case 0x1B: put('e'); break;
          case 0x22: put('"'); break;
          case 0x5C: put('\\'); break;
          case 0x85: put('N'); break;
          case 0xA0: put('_'); break;
          case 0x2028: put('L'); break;
          case 0x2029: put('P'); break;
          default: {
            int digits = 8;
            if (v <= 0xFF) {
              put('x');
              digits = 2;
            } else if (v <= 0xFFFF) {
              put('u');
              digits = 4;
            } else {
              put('U');
            }
            for (int k = (digits - 1) * 4; k >= 0; k -= 4) {
              const int digit = static_cast<int>((v >> k) & 0x0F);
              put(static_cast<char>(digit < 10 ? '0' + digit : 'A' + digit - 10));
            }
          }
        }
        spaces = false;
      } else if (is_space(value, i)) {
        if (allow_breaks && !spaces && column_ > kBestWidth && i > 0 && i < value.size() - 1) {
          write_indent();
          if (is_space(value, i + 1)) put('\\');
          i += static_cast<size_t>(width(at(value, i)));
        } else {
          write(value, &i);
        }
        spaces = true;
      } else {
        write(value, &i);
        spaces = false;
      }
    }
    write_indicator("\"", false, false, false);
    whitespace_ = false;
    indention_ = false;
  }

  void write_block_scalar_hints(const std::string& value) {
    if (is_space(value, 0) || is_break(value, 0)) {
      const char hint[2] = {static_cast<char>('0' + kBestIndent), 0};
      write_indicator(hint, false, false, false);
    }
    const char* chomp = nullptr;
    if (value.empty()) {
      chomp = "-";
    } else {
      size_t i = value.size() - 1;
      while (i > 0 && (at(value, i) & 0xC0) == 0x80) --i;
      if (!is_break(value, i)) {
        chomp = "-";
      } else if (i == 0) {
        chomp = "+";
      } else {
        --i;
        while (i > 0 && (at(value, i) & 0xC0) == 0x80) --i;
        if (is_break(value, i)) chomp = "+";
      }
    }
    if (chomp != nullptr) write_indicator(chomp, false, false, false);
  }

  void write_literal_scalar(const std::string& value) {
    write_indicator("|", true, false, false);
    write_block_scalar_hints(value);
    put_break();
    indention_ = true;
    whitespace_ = true;
    bool breaks = true;
    for (size_t i = 0; i < value.size();) {
      if (is_break(value, i)) {
        write_break(value, &i);
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        write(value, &i);
        indention_ = false;
        breaks = false;
      }
    }
  }
};

}  // namespace

std::string to_go_yaml(const json& value) {
  Emitter emitter;
  emitter.emit_document(value);
  return emitter.take();
}

}  // namespace kgen::encoding
