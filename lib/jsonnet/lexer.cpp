#include "jsonnet/lexer.h"

#include <cstring>

namespace kgen::jsonnet {
namespace {

bool is_id_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_id_char(char c) { return is_id_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_symbol(char c) { return c != '\0' && std::strchr("!$:~+-&|^=<>*/%", c) != nullptr; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Jsonnet's lexer, as far as the rewrites need it: token kinds and extents.
class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  // False when the source cannot be lexed to its end; the tokens before stay valid.
  bool run(std::vector<Token>* tokens) {
    for (;;) {
      skip_space_and_comments();
      if (pos_ >= s_.size()) return true;
      const size_t begin = pos_;
      const char c = s_[pos_];
      Token token{Kind::Punctuation, begin, begin + 1};
      if (is_id_start(c)) {
        while (pos_ < s_.size() && is_id_char(s_[pos_])) ++pos_;
        token = {Kind::Identifier, begin, pos_};
      } else if (is_digit(c)) {
        number();
        token = {Kind::Number, begin, pos_};
      } else if (c == '"' || c == '\'' || (c == '@' && at(1) != '\0' && (at(1) == '"' || at(1) == '\''))) {
        if (!quoted_string()) return false;
        token = {Kind::String, begin, pos_};
      } else if (s_.compare(pos_, 3, "|||") == 0) {
        const bool chomped = at(3) == '-';
        if (!text_block()) return false;
        token = {Kind::TextBlock, begin, pos_, chomped};
      } else if (is_symbol(c)) {
        const size_t end = operator_end();
        pos_ = end;
        token = {end - begin == 1 && c == '$' ? Kind::Dollar : Kind::Operator, begin, end};
      } else {
        ++pos_;  // { } [ ] ( ) , . ; and anything libjsonnet will reject
      }
      tokens->push_back(token);
    }
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;

  char at(size_t offset) const { return pos_ + offset < s_.size() ? s_[pos_ + offset] : '\0'; }

  void skip_space_and_comments() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '#' || (c == '/' && at(1) == '/')) {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == '/' && at(1) == '*') {
        const size_t close = s_.find("*/", pos_ + 2);
        pos_ = close == std::string_view::npos ? s_.size() : close + 2;
      } else {
        return;
      }
    }
  }

  void number() {
    while (is_digit(at(0))) ++pos_;
    if (at(0) == '.' && is_digit(at(1))) {
      ++pos_;
      while (is_digit(at(0))) ++pos_;
    }
    if (at(0) == 'e' || at(0) == 'E') {
      const size_t sign = at(1) == '+' || at(1) == '-' ? 1 : 0;
      if (is_digit(at(1 + sign))) {
        pos_ += 1 + sign;
        while (is_digit(at(0))) ++pos_;
      }
    }
  }

  bool quoted_string() {
    const bool verbatim = s_[pos_] == '@';
    if (verbatim) ++pos_;
    const char quote = s_[pos_++];
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == quote) {
        if (verbatim && at(0) == quote) {
          ++pos_;
          continue;
        }
        return true;
      }
      if (c == '\\' && !verbatim) ++pos_;
    }
    return false;
  }

  // As libjsonnet: the first non-empty line sets the indentation; the block goes on
  // while lines start with it (or are empty) and ends at `|||` after less indentation.
  bool text_block() {
    pos_ += at(3) == '-' ? 4 : 3;
    while (is_blank(at(0))) ++pos_;
    if (at(0) == '\r') ++pos_;
    if (at(0) != '\n') return false;
    ++pos_;
    size_t line = pos_;
    while (line < s_.size() && (s_[line] == '\n' || (s_[line] == '\r' && line + 1 < s_.size() && s_[line + 1] == '\n'))) {
      line += s_[line] == '\r' ? 2 : 1;
    }
    size_t indent_end = line;
    while (indent_end < s_.size() && is_blank(s_[indent_end])) ++indent_end;
    const std::string_view indent = s_.substr(line, indent_end - line);
    if (indent.empty()) return false;
    for (;;) {
      const size_t newline = s_.find('\n', line);
      if (newline == std::string_view::npos) return false;
      line = newline + 1;
      while (line < s_.size() && (s_[line] == '\n' || (s_[line] == '\r' && line + 1 < s_.size() && s_[line + 1] == '\n'))) {
        line += s_[line] == '\r' ? 2 : 1;
      }
      if (s_.compare(line, indent.size(), indent) != 0) break;
    }
    while (line < s_.size() && is_blank(s_[line])) ++line;
    if (s_.compare(line, 3, "|||") != 0) return false;
    pos_ = line + 3;
    return true;
  }

  // The end of the operator at pos_: the longest run of symbol characters (stopping
  // before a comment or text block), less any trailing + - ~ ! $ of a longer run, which
  // libjsonnet lexes again as operators of their own.
  size_t operator_end() const {
    size_t end = pos_;
    while (end < s_.size() && is_symbol(s_[end])) {
      if (s_[end] == '/' && end + 1 < s_.size() && (s_[end + 1] == '/' || s_[end + 1] == '*')) break;
      if (s_.compare(end, 3, "|||") == 0) break;
      ++end;
    }
    if (end == pos_) return pos_ + 1;
    while (end - pos_ > 1 && std::strchr("+-~!$", s_[end - 1]) != nullptr) --end;
    return end;
  }
};

}  // namespace

std::vector<Token> lex_jsonnet(std::string_view source) {
  std::vector<Token> tokens;
  Lexer(source).run(&tokens);
  return tokens;
}

bool is_word(std::string_view source, const Token& token, const char* word) {
  return token.kind == Kind::Identifier && token_text(source, token) == word;
}

bool is_punctuation(std::string_view source, const Token* token, char c) {
  return token != nullptr && token->kind == Kind::Punctuation && source[token->begin] == c;
}

bool expression_starts_after(std::string_view source, const Token* previous) {
  if (previous == nullptr) return true;
  switch (previous->kind) {
    case Kind::Operator: return true;
    case Kind::Punctuation: {
      const char c = source[previous->begin];
      return c == '(' || c == '[' || c == '{' || c == ',' || c == ';';
    }
    case Kind::Identifier:
      for (const char* keyword : {"if", "then", "else", "in", "assert", "error"}) {
        if (is_word(source, *previous, keyword)) return true;
      }
      return false;
    default: return false;
  }
}

}  // namespace kgen::jsonnet
