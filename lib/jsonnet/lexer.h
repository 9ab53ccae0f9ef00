// Jsonnet's lexer, as far as kgen's source rewrites and checks need it: the kind and
// extent of each token (internal to the jsonnet stage).
#pragma once

#include <string_view>
#include <vector>

namespace kgen::jsonnet {

enum class Kind { Identifier, Number, String, TextBlock, Operator, Dollar, Punctuation };

struct Token {
  Kind kind;
  size_t begin;
  size_t end;
  bool chomped = false;  // a `|||-` text block (libjsonnet 0.18 only; ks could not parse it)
};

// The tokens of `source` as libjsonnet lexes them (keywords are identifiers). Stops at
// the first text it cannot lex (an unterminated string, say): libjsonnet reports it.
std::vector<Token> lex_jsonnet(std::string_view source);

inline std::string_view token_text(std::string_view source, const Token& token) {
  return source.substr(token.begin, token.end - token.begin);
}
bool is_word(std::string_view source, const Token& token, const char* word);
bool is_punctuation(std::string_view source, const Token* token, char c);

// Whether an expression starts after `previous` (nullptr: the start of the file): then
// an operator there is unary and a `(` groups.
bool expression_starts_after(std::string_view source, const Token* previous);

}  // namespace kgen::jsonnet
