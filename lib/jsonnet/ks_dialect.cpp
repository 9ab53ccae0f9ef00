#include "jsonnet/ks_dialect.h"

#include <algorithm>
#include <functional>
#include <vector>

#include "jsonnet/lexer.h"

namespace kgen::jsonnet {
namespace {

// A field name is followed by `:`, `::`, `:::` or their `+` forms.
bool is_field_separator(std::string_view source, const Token* next) {
  if (next == nullptr || next->kind != Kind::Operator) return false;
  const std::string_view op = token_text(source, *next);
  return op == ":" || op == "::" || op == ":::" || op == "+:" || op == "+::" || op == "+:::";
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }

// The offsets of the `\uD800`-`\uDFFF` escapes in a quoted (not verbatim) string token.
std::vector<size_t> surrogate_escapes(std::string_view text) {
  std::vector<size_t> found;
  if (text.empty() || text[0] == '@') return found;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] != '\\') continue;
    if (text[i + 1] == 'u' && i + 5 < text.size() && (text[i + 2] | 0x20) == 'd' && is_hex(text[i + 3]) &&
        is_hex(text[i + 4]) && is_hex(text[i + 5])) {
      const char third = static_cast<char>(text[i + 3] | 0x20);
      if (third == '8' || third == '9' || (third >= 'a' && third <= 'f')) found.push_back(i);
    }
    ++i;  // the escaped character
  }
  return found;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Whether `source` may hold a unary `+`, found without lexing it: a `+` token is unary
// only after a token that lets an expression start (expression_starts_after). The text
// just before a `+` on its line ends that token unless a comment or a line break comes
// between (then it is not one of the characters accepted here: `/` of `*/`, or nothing),
// so a `+` after an identifier that is not one of those keywords, a number, a closing
// bracket or a quote is binary; every other `+` (also in strings and comments) counts.
bool may_have_unary_plus(std::string_view source) {
  for (size_t at = source.find('+'); at != std::string_view::npos; at = source.find('+', at + 1)) {
    size_t end = at;
    while (end > 0 && (source[end - 1] == ' ' || source[end - 1] == '\t' || source[end - 1] == '\r')) --end;
    if (end == 0) return true;
    const char c = source[end - 1];
    if (c == ')' || c == ']' || c == '}' || c == '"' || c == '\'') continue;
    if (!is_word_char(c)) return true;
    size_t begin = end - 1;
    while (begin > 0 && is_word_char(source[begin - 1])) --begin;
    const std::string_view word = source.substr(begin, end - begin);
    for (const char* keyword : {"if", "then", "else", "in", "assert", "error", "local", "function", "for", "import",
                                "importstr", "importbin", "tailstrict"}) {
      if (word == keyword) return true;
    }
  }
  return false;
}

// Boyer-Moore-Horspool: string_view::find stops at every `s` of a 3 MB file for
// `std.thisFile`, glibc's memmem reads every byte.
bool mentions(std::string_view source, std::string_view word) {
  return std::search(source.begin(), source.end(), std::boyer_moore_horspool_searcher(word.begin(), word.end())) !=
         source.end();
}

// No rewrite asked for can apply: each needs text that is there whenever it applies.
// Lexing was a fifth of a render over ks's 3 MB k8s.libsonnet, which needs none.
bool nothing_to_rewrite(std::string_view source, const DialectRewrite& rewrite) {
  // `|` and `\` are rare: string_view::find, which looks for the first character, is fastest.
  if (!rewrite.text_block_function.empty() && source.find("|||") != std::string_view::npos) return false;
  if (!rewrite.this_file_name.empty() && mentions(source, "std.thisFile")) return false;
  if (rewrite.surrogate_escapes && source.find("\\u") != std::string_view::npos) return false;
  return !rewrite.blank_unary_plus || !may_have_unary_plus(source);
}

struct Edit {
  size_t begin;
  size_t end;
  std::string text;
};

}  // namespace

DialectResult to_ks_dialect(std::string_view source, const DialectRewrite& rewrite) {
  DialectResult result;
  if (nothing_to_rewrite(source, rewrite)) {
    result.text = std::string(source);
    return result;
  }
  const std::vector<Token> tokens = lex_jsonnet(source);
  std::vector<Edit> edits;
  const auto token_at = [&](size_t i) -> const Token* { return i < tokens.size() ? &tokens[i] : nullptr; };
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    const Token* previous = i == 0 ? nullptr : &tokens[i - 1];
    if (rewrite.blank_unary_plus && token.kind == Kind::Operator && token_text(source, token) == "+" &&
        expression_starts_after(source, previous)) {
      edits.push_back({token.begin, token.end, " "});
    } else if (!rewrite.this_file_name.empty() && is_word(source, token, "std") &&
               !is_punctuation(source, previous, '.') &&
               i + 2 < tokens.size() && source.compare(token.begin, 12, "std.thisFile") == 0 &&
               tokens[i + 2].end == token.begin + 12) {
      std::string name = rewrite.this_file_name;
      name.resize(12, ' ');
      edits.push_back({token.begin, token.begin + 12, name});
      result.used_this_file = true;
      i += 2;
    } else if (rewrite.surrogate_escapes && token.kind == Kind::String) {
      for (const size_t at : surrogate_escapes(token_text(source, token))) {
        edits.push_back({token.begin + at, token.begin + at + 6, "\\uFFFD"});
      }
    } else if (!rewrite.text_block_function.empty() && token.kind == Kind::TextBlock && !token.chomped &&
               !is_field_separator(source, token_at(i + 1)) &&
               !(previous != nullptr && (is_word(source, *previous, "import") || is_word(source, *previous, "importstr") ||
                                         is_word(source, *previous, "importbin")))) {
      edits.push_back({token.begin, token.begin, rewrite.text_block_function + "("});
      // The closing ||| moves one column left into its indentation, if it has any, so
      // what follows it on that line keeps its columns.
      const size_t closing = token.end - 3;
      if (source[closing - 1] == ' ' || source[closing - 1] == '\t') edits.push_back({closing - 1, closing, ""});
      edits.push_back({token.end, token.end, ")"});
      result.used_text_block = true;
    }
  }
  if (edits.empty()) {
    result.text = std::string(source);
    return result;
  }
  size_t cursor = 0;
  for (const Edit& edit : edits) {
    result.text.append(source, cursor, edit.begin - cursor);
    result.text += edit.text;
    cursor = edit.end;
  }
  result.text.append(source, cursor, std::string_view::npos);
  return result;
}

ComponentDialect component_in_ks_dialect(std::string_view source) {
  DialectRewrite rewrite;
  rewrite.this_file_name = "__kgen_ctf";
  rewrite.text_block_function = "__kgen_ks_nl";
  DialectResult result = to_ks_dialect(source, rewrite);
  ComponentDialect component;
  // ks evaluated a component as the ext var holding all of them.
  if (result.used_this_file) component.locals += "local __kgen_ctf = \"<extvar:__ksonnet/components>\"; ";
  if (result.used_text_block) component.locals += "local __kgen_ks_nl(s) = s + \"\\n\"; ";
  component.text = std::move(result.text);
  return component;
}

}  // namespace kgen::jsonnet
