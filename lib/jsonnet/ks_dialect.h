// The Jsonnet that ks spoke, as token-level rewrites of source text for libjsonnet
// (the jsonnet stage's linker; the render stage for component files).
//
// ks 0.13.1 evaluated with go-jsonnet 0.11.2 and re-printed every component file before
// evaluating it. Where that differs from libjsonnet 0.18 in a way a rewrite of the
// source can express exactly, kgen rewrites the source, keeping every line and (except
// where noted) every column where it was, so error locations stay right:
// - D1: a unary `+` is blanked: go-jsonnet's unary plus returns any string, object,
//   array, boolean or null unchanged (libjsonnet accepts only numbers), and it binds
//   tighter than every binary operator and looser than every postfix one, so without it
//   the expression parses the same;
// - D15/D16: a `\uD800`-`\uDFFF` escape in a quoted string becomes `\uFFFD`: go-jsonnet
//   decoded each half of a surrogate pair, and a lone one, as U+FFFD (libjsonnet joins
//   a pair and rejects a lone one);
// - K7: `std.thisFile` becomes the name of a local the caller binds to what ks gave;
// - K2 (component files only): a text block becomes a call of a function the caller
//   binds to append the newline ks's re-printing added (`f(|||` ... `|||)`, the
//   closing `|||` one column further left when indented, so columns stay).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kgen::jsonnet {

struct DialectRewrite {
  bool blank_unary_plus = false;
  bool surrogate_escapes = false;  // D15/D16
  std::string this_file_name;       // non-empty: replaces `std.thisFile` (at most 12 characters)
  std::string text_block_function;  // non-empty: wraps each text block in a call of it
};

struct DialectResult {
  std::string text;
  bool used_this_file = false;  // a `std.thisFile` was replaced
  bool used_text_block = false;  // a text block was wrapped
};

// A component file as ks evaluated it: `text` (std.thisFile and text blocks rewritten)
// evaluated under `locals` ("local ...;" or empty), which binds what it uses and goes
// on a line before the text.
struct ComponentDialect {
  std::string locals;
  std::string text;
};
ComponentDialect component_in_ks_dialect(std::string_view source);

// K1: the lines (1-based, one per expression) of a component file's parenthesised
// expressions that ks, which dropped the parentheses when it re-printed components,
// parsed differently: `2 * (3 + 4)` gave 10 there. kgen keeps the parentheses; `kgen
// migrate` lists these so a team sees every value that changes when switching.
std::vector<int> lines_ks_parsed_differently(std::string_view source);

// Rewrites `source`. Text it cannot lex (an unterminated string, say) is left as it
// is from there on, for libjsonnet to report.
DialectResult to_ks_dialect(std::string_view source, const DialectRewrite& rewrite);

}  // namespace kgen::jsonnet
