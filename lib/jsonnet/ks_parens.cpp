// K1: ks re-printed every component file before evaluating it, and its printer wrote
// a parenthesised expression without the parentheses, so `2 * (3 + 4)` became
// `2 * 3 + 4`. kgen keeps the parentheses (the file means what it says) and lists the
// places where ks computed something else.
#include <algorithm>
#include <string_view>
#include <vector>

#include "jsonnet/ks_dialect.h"
#include "jsonnet/lexer.h"

namespace kgen::jsonnet {
namespace {

constexpr int kNone = 100;
constexpr int kPostfix = 0;  // . [ ( { after an expression
constexpr int kUnary = 4;

// Jsonnet's binary precedences (smaller binds tighter).
int binary_precedence(std::string_view op) {
  if (op == "*" || op == "/" || op == "%") return 5;
  if (op == "+" || op == "-") return 6;
  if (op == "<<" || op == ">>") return 7;
  if (op == "<" || op == "<=" || op == ">" || op == ">=" || op == "in") return 8;
  if (op == "==" || op == "!=") return 9;
  if (op == "&") return 10;
  if (op == "^") return 11;
  if (op == "|") return 12;
  if (op == "&&") return 13;
  if (op == "||") return 14;
  return kNone;
}

bool opens(std::string_view source, const Token& t) {
  return t.kind == Kind::Punctuation && (source[t.begin] == '(' || source[t.begin] == '[' || source[t.begin] == '{');
}
bool closes(std::string_view source, const Token& t) {
  return t.kind == Kind::Punctuation && (source[t.begin] == ')' || source[t.begin] == ']' || source[t.begin] == '}');
}

// An expression that extends as far right as it can: `(if c then a else b) + 1`
// without parentheses adds 1 to b only.
bool is_open_ended(std::string_view source, const Token& t) {
  for (const char* keyword : {"if", "function", "local", "assert", "error"}) {
    if (is_word(source, t, keyword)) return true;
  }
  return false;
}

// How tightly what follows `close` binds to the parenthesised expression.
int precedence_after(std::string_view source, const std::vector<Token>& tokens, size_t close) {
  if (close + 1 >= tokens.size()) return kNone;
  const Token& next = tokens[close + 1];
  if (next.kind == Kind::Operator || is_word(source, next, "in")) return binary_precedence(token_text(source, next));
  if (next.kind == Kind::Punctuation && std::string_view(".[({").find(source[next.begin]) != std::string_view::npos) {
    return kPostfix;
  }
  return kNone;
}

// How tightly the operator before `open` binds to the parenthesised expression.
int precedence_before(std::string_view source, const std::vector<Token>& tokens, size_t open) {
  if (open == 0 || tokens[open - 1].kind != Kind::Operator) return kNone;
  const Token* before_operator = open >= 2 ? &tokens[open - 2] : nullptr;
  if (expression_starts_after(source, before_operator)) return kUnary;
  return binary_precedence(token_text(source, tokens[open - 1]));
}

}  // namespace

std::vector<int> lines_ks_parsed_differently(std::string_view source) {
  const std::vector<Token> tokens = lex_jsonnet(source);
  std::vector<int> lines;
  for (size_t open = 0; open < tokens.size(); ++open) {
    const Token* previous = open == 0 ? nullptr : &tokens[open - 1];
    if (!is_punctuation(source, &tokens[open], '(') || !expression_starts_after(source, previous)) continue;
    // The parenthesised expression's loosest parts, at its own nesting level.
    bool open_ended = false;
    bool unary_start = false;
    int loosest = kNone;
    int depth = 0;
    size_t close = open + 1;
    for (; close < tokens.size(); ++close) {
      const Token& t = tokens[close];
      if (opens(source, t)) {
        ++depth;
      } else if (closes(source, t)) {
        if (depth-- == 0) break;
      } else if (depth == 0) {
        const bool expression_start = expression_starts_after(source, &tokens[close - 1]);
        if (is_open_ended(source, t)) open_ended = true;
        if (t.kind == Kind::Operator && expression_start && close == open + 1) unary_start = true;
        const int precedence = binary_precedence(token_text(source, t));
        if ((t.kind == Kind::Operator || is_word(source, t, "in")) && !expression_start && precedence != kNone) {
          loosest = loosest == kNone ? precedence : std::max(loosest, precedence);
        }
      }
    }
    if (close >= tokens.size()) break;
    const int before = precedence_before(source, tokens, open);
    const int after = precedence_after(source, tokens, close);
    bool changed = false;
    if (open_ended) changed = after != kNone;
    if (loosest != kNone) changed = changed || before <= loosest || after < loosest;
    if (unary_start && loosest == kNone && !open_ended) changed = after == kPostfix;
    if (changed) {
      int line = 1;
      for (size_t i = 0; i < tokens[open].begin; ++i) line += source[i] == '\n';
      lines.push_back(line);
    }
  }
  return lines;
}

}  // namespace kgen::jsonnet
