// A Jsonnet parser that keeps the byte span of every node (internal to the params
// stage), so that an edit is a splice into the user's text: comments, layout and
// quoting of everything else stay exactly as they were.
//
// It accepts the whole language (all literal and string forms, text blocks, comments,
// locals, functions, objects with computed/quoted keys, +:, ::, :::, methods, asserts,
// comprehensions, conditionals, calls, slices, object composition, imports, $, self,
// super, `in super`); the tree keeps what editing needs and spans for the rest.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kgen::params {

struct Span {
  size_t begin = 0;
  size_t end = 0;  // one past the last byte
};

struct Node;
using NodePtr = std::unique_ptr<Node>;

struct Field {
  enum class KeyKind { Identifier, String, Computed };
  KeyKind key_kind = KeyKind::Identifier;
  std::string key;  // the identifier or the string's value (empty when computed)
  Span key_span;
  bool plus = false;        // `key+: value`
  int colons = 1;           // 1 ':', 2 '::', 3 ':::'
  bool method = false;      // `f(x): body`
  NodePtr value;
  Span span;                // key through value
  Span comma;               // the comma after the field, if any (begin == end when none)
};

struct Node {
  enum class Kind {
    Null, True, False, Number, String, Array, Object, ArrayComprehension, ObjectComprehension,
    Identifier, Self, Dollar, Super, Local, If, Function, Import, Error, Assert, Unary, Binary,
    Index, Slice, Call, Apply, Parens, InSuper
  };
  Kind kind = Kind::Null;
  Span span;
  std::string text;                  // string value, identifier name, operator
  std::vector<NodePtr> children;     // operands / elements / local bindings' values and body
  std::vector<Field> fields;         // objects
  bool multiline = false;            // objects and arrays: written over several lines
};

struct SyntaxError {
  size_t offset = 0;
  std::string message;
};

// Parses a whole file. Returns nullptr and fills *error on invalid Jsonnet.
NodePtr parse_jsonnet(std::string_view text, SyntaxError* error);

// 1-based line and column of a byte offset.
void line_column(std::string_view text, size_t offset, int* line, int* column);

}  // namespace kgen::params
