#include "params/syntax.h"

#include <cstring>
#include <string>
#include <vector>

#include "common/utf8.h"

namespace kgen::params {
namespace {

enum class Tok { End, Identifier, Keyword, Number, String, Operator, Punct };

struct Token {
  Tok kind = Tok::End;
  std::string text;   // identifier/keyword/operator/punctuation text, or the string's value
  Span span;
  bool newline_before = false;  // a line break between the previous token and this one
};

bool is_id_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_id_char(char c) { return is_id_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_op_char(char c) { return std::strchr("!$:~+-&|^=<>*/%", c) != nullptr && c != '\0'; }

const char* const kKeywords[] = {"assert", "else",  "error", "false",  "for",  "function", "if",
                                 "import", "importstr", "importbin", "in", "local", "null", "tailstrict",
                                 "then",   "self",  "super", "true"};

bool is_keyword(const std::string& s) {
  for (const char* k : kKeywords) {
    if (s == k) return true;
  }
  return false;
}

struct LexError {
  size_t offset;
  std::string message;
};

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    for (;;) {
      const bool newline = skip_blank();
      Token t;
      t.newline_before = newline;
      t.span.begin = pos_;
      if (pos_ >= s_.size()) {
        t.kind = Tok::End;
        t.span.end = pos_;
        tokens.push_back(t);
        return tokens;
      }
      const char c = s_[pos_];
      if (is_id_start(c)) {
        while (pos_ < s_.size() && is_id_char(s_[pos_])) ++pos_;
        t.text = std::string(s_.substr(t.span.begin, pos_ - t.span.begin));
        t.kind = is_keyword(t.text) ? Tok::Keyword : Tok::Identifier;
      } else if (is_digit(c)) {
        number();
        t.kind = Tok::Number;
        t.text = std::string(s_.substr(t.span.begin, pos_ - t.span.begin));
      } else if (c == '"' || c == '\'') {
        t.kind = Tok::String;
        t.text = quoted(c);
      } else if (c == '@' && pos_ + 1 < s_.size() && (s_[pos_ + 1] == '"' || s_[pos_ + 1] == '\'')) {
        ++pos_;
        t.kind = Tok::String;
        t.text = verbatim(s_[pos_]);
      } else if (s_.compare(pos_, 3, "|||") == 0) {
        t.kind = Tok::String;
        t.text = text_block();
      } else if (std::strchr("{}[],.();", c) != nullptr) {
        ++pos_;
        t.kind = Tok::Punct;
        t.text = std::string(1, c);
      } else if (is_op_char(c)) {
        t.kind = Tok::Operator;
        t.text = op();
      } else {
        throw LexError{pos_, std::string("unexpected character '") + c + "'"};
      }
      t.span.end = pos_;
      tokens.push_back(std::move(t));
    }
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;

  bool skip_blank() {
    bool newline = false;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '\n') {
        newline = true;
        ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++pos_;
      } else if (c == '#' || s_.compare(pos_, 2, "//") == 0) {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (s_.compare(pos_, 2, "/*") == 0) {
        const size_t close = s_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) throw LexError{pos_, "unterminated /* comment"};
        for (size_t i = pos_; i < close; ++i) newline |= s_[i] == '\n';
        pos_ = close + 2;
      } else {
        break;
      }
    }
    return newline;
  }

  void number() {
    while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    if (pos_ + 1 < s_.size() && s_[pos_] == '.' && is_digit(s_[pos_ + 1])) {
      ++pos_;
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      size_t p = pos_ + 1;
      if (p < s_.size() && (s_[p] == '+' || s_[p] == '-')) ++p;
      if (p >= s_.size() || !is_digit(s_[p])) throw LexError{pos_, "malformed number exponent"};
      while (p < s_.size() && is_digit(s_[p])) ++p;
      pos_ = p;
    }
  }

  std::string quoted(char quote) {
    const size_t start = pos_++;
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != quote) {
      if (s_[pos_] == '\\') {
        if (pos_ + 1 >= s_.size()) break;
        const char e = s_[pos_ + 1];
        pos_ += 2;
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': {
            if (pos_ + 4 > s_.size()) throw LexError{pos_, "truncated \\u escape"};
            unsigned code = 0;
            for (int k = 0; k < 4; ++k) {
              const char h = s_[pos_++];
              if (!std::isxdigit(static_cast<unsigned char>(h))) throw LexError{pos_ - 1, "malformed \\u escape"};
              code = code * 16 + static_cast<unsigned>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
            }
            append_utf8(code, &out);
            break;
          }
          case '"': case '\'': case '\\': case '/': out += e; break;
          default: throw LexError{pos_ - 2, std::string("unknown escape \\") + e};
        }
        continue;
      }
      out += s_[pos_++];
    }
    if (pos_ >= s_.size()) throw LexError{start, "unterminated string"};
    ++pos_;
    return out;
  }

  std::string verbatim(char quote) {
    const size_t start = pos_++;
    std::string out;
    for (;;) {
      if (pos_ >= s_.size()) throw LexError{start, "unterminated verbatim string"};
      if (s_[pos_] == quote) {
        if (pos_ + 1 < s_.size() && s_[pos_ + 1] == quote) {
          out += quote;
          pos_ += 2;
          continue;
        }
        ++pos_;
        return out;
      }
      out += s_[pos_++];
    }
  }

  // |||\n<indent>lines...\n<less indent>|||
  std::string text_block() {
    const size_t start = pos_;
    pos_ += 3;
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r')) ++pos_;
    if (pos_ >= s_.size() || s_[pos_] != '\n') throw LexError{start, "text block requires a new line after |||"};
    ++pos_;
    size_t indent = 0;
    while (pos_ + indent < s_.size() && (s_[pos_ + indent] == ' ' || s_[pos_ + indent] == '\t')) ++indent;
    if (indent == 0) throw LexError{pos_, "text block's first line must be indented"};
    const std::string prefix(s_.substr(pos_, indent));
    std::string out;
    for (;;) {
      if (s_.compare(pos_, indent, prefix) == 0) {
        pos_ += indent;
        while (pos_ < s_.size() && s_[pos_] != '\n') out += s_[pos_++];
        if (pos_ >= s_.size()) throw LexError{start, "unterminated text block"};
        out += '\n';
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '\n') {  // blank line
        out += '\n';
        ++pos_;
        continue;
      }
      size_t p = pos_;
      while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t')) ++p;
      if (s_.compare(p, 3, "|||") != 0) throw LexError{pos_, "text block not terminated with |||"};
      pos_ = p + 3;
      return out;
    }
  }

  std::string op() {
    const size_t start = pos_;
    while (pos_ < s_.size() && is_op_char(s_[pos_])) {
      if (pos_ > start && (s_.compare(pos_, 2, "//") == 0 || s_.compare(pos_, 2, "/*") == 0 ||
                           s_.compare(pos_, 3, "|||") == 0)) {
        break;
      }
      ++pos_;
    }
    // As Jsonnet's lexer: a multi-character operator does not end in + - ~ ! $, so
    // `a:-1` is `:` then `-1`.
    while (pos_ - start > 1 && std::strchr("+-~!$", s_[pos_ - 1]) != nullptr) --pos_;
    return std::string(s_.substr(start, pos_ - start));
  }
};

struct ParseError {
  size_t offset;
  std::string message;
};

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens) : text_(text), t_(std::move(tokens)) {}

  NodePtr file() {
    NodePtr n = expr();
    if (peek().kind != Tok::End) fail("unexpected " + next() + " after the end of the expression");
    return n;
  }

 private:
  std::string_view text_;
  std::vector<Token> t_;
  size_t i_ = 0;
  int nesting_ = 0;

  // Each level of nesting is a few frames of this recursive descent: a file nested
  // thousands deep (the params fuzzer wrote `{[[[[...`) would overflow the stack rather
  // than fail with a message. No real params file comes near this.
  static constexpr int kMaxNesting = 500;

  // Counts one level while an expr() or unary() call is open (every recursion passes
  // through one of them).
  class Nesting {
   public:
    explicit Nesting(Parser* parser) : parser_(parser) {
      if (++parser_->nesting_ > kMaxNesting) {
        parser_->fail("expressions nested more than " + std::to_string(kMaxNesting) +
                      " levels deep: kgen does not parse deeper ones");
      }
    }
    ~Nesting() { --parser_->nesting_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

   private:
    Parser* parser_;
  };

  const Token& peek(size_t ahead = 0) const { return t_[std::min(i_ + ahead, t_.size() - 1)]; }
  const Token& take() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }
  size_t last_end() const { return i_ == 0 ? 0 : t_[i_ - 1].span.end; }

  [[noreturn]] void fail(const std::string& message) const { throw ParseError{peek().span.begin, message}; }

  // How the next token reads in a message.
  std::string next() const { return peek().kind == Tok::End ? "the end of the file" : "'" + peek().text + "'"; }

  bool is(Tok kind, const char* text) const { return peek().kind == kind && peek().text == text; }
  bool punct(const char* p) const { return is(Tok::Punct, p); }
  bool keyword(const char* k) const { return is(Tok::Keyword, k); }
  bool op(const char* o) const { return is(Tok::Operator, o); }

  void expect_punct(const char* p) {
    if (!punct(p)) fail(std::string("expected '") + p + "' but got " + next());
    take();
  }
  void expect_keyword(const char* k) {
    if (!keyword(k)) fail(std::string("expected '") + k + "' but got " + next());
    take();
  }
  void expect_op(const char* o) {
    if (!op(o)) fail(std::string("expected '") + o + "' but got " + next());
    take();
  }
  std::string identifier() {
    if (peek().kind != Tok::Identifier) fail("expected an identifier but got " + next());
    return take().text;
  }

  NodePtr make(Node::Kind kind, size_t begin) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->span = {begin, begin};
    return n;
  }
  NodePtr finish(NodePtr n) {
    n->span.end = last_end();
    return n;
  }

  // Function parameters: (a, b=1, ...)
  void params(Node* into) {
    expect_punct("(");
    while (!punct(")")) {
      identifier();
      if (op("=")) {
        take();
        into->children.push_back(expr());
      }
      if (!punct(",")) break;
      take();
    }
    expect_punct(")");
  }

  void args(Node* into) {
    expect_punct("(");
    while (!punct(")")) {
      if (peek().kind == Tok::Identifier && peek(1).kind == Tok::Operator && peek(1).text == "=") {
        take();
        take();
      }
      into->children.push_back(expr());
      if (!punct(",")) break;
      take();
    }
    expect_punct(")");
    if (keyword("tailstrict")) take();
  }

  // local a = 1, f(x) = x; body   (`local` already taken). In an object, a local binds
  // one name and the comma separates members (`only_one`).
  void binds(Node* into, const char* terminator_punct, bool only_one = false) {
    for (;;) {
      identifier();
      auto bind = make(Node::Kind::Function, peek().span.begin);
      if (punct("(")) {
        params(bind.get());
        expect_op("=");
        bind->children.push_back(expr());
        into->children.push_back(finish(std::move(bind)));
      } else {
        expect_op("=");
        into->children.push_back(expr());
      }
      if (only_one || !punct(",")) break;
      take();
    }
    if (terminator_punct != nullptr) expect_punct(terminator_punct);
  }

  NodePtr expr() {
    const Nesting nesting(this);
    const size_t begin = peek().span.begin;
    if (keyword("local")) {
      take();
      auto n = make(Node::Kind::Local, begin);
      binds(n.get(), ";");
      n->children.push_back(expr());
      return finish(std::move(n));
    }
    if (keyword("if")) {
      take();
      auto n = make(Node::Kind::If, begin);
      n->children.push_back(expr());
      expect_keyword("then");
      n->children.push_back(expr());
      if (keyword("else")) {
        take();
        n->children.push_back(expr());
      }
      return finish(std::move(n));
    }
    if (keyword("function")) {
      take();
      auto n = make(Node::Kind::Function, begin);
      params(n.get());
      n->children.push_back(expr());
      return finish(std::move(n));
    }
    if (keyword("error")) {
      take();
      auto n = make(Node::Kind::Error, begin);
      n->children.push_back(expr());
      return finish(std::move(n));
    }
    if (keyword("assert")) {
      take();
      auto n = make(Node::Kind::Assert, begin);
      n->children.push_back(expr());
      if (op(":")) {
        take();
        n->children.push_back(expr());
      }
      expect_punct(";");
      n->children.push_back(expr());
      return finish(std::move(n));
    }
    return binary(0);
  }

  static int precedence(const std::string& o) {
    if (o == "||") return 1;
    if (o == "&&") return 2;
    if (o == "|") return 3;
    if (o == "^") return 4;
    if (o == "&") return 5;
    if (o == "==" || o == "!=") return 6;
    if (o == "<" || o == "<=" || o == ">" || o == ">=") return 7;
    if (o == "<<" || o == ">>") return 8;
    if (o == "+" || o == "-") return 9;
    if (o == "*" || o == "/" || o == "%") return 10;
    return 0;
  }

  NodePtr binary(int min_precedence) {
    const size_t begin = peek().span.begin;
    NodePtr left = unary();
    for (;;) {
      int p = 0;
      std::string o;
      if (peek().kind == Tok::Operator) {
        o = peek().text;
        p = precedence(o);
      } else if (keyword("in")) {
        o = "in";
        p = 7;
      }
      if (p == 0 || p <= min_precedence) return left;
      take();
      if (o == "in" && keyword("super")) {
        take();
        auto n = make(Node::Kind::InSuper, begin);
        n->children.push_back(std::move(left));
        left = finish(std::move(n));
        continue;
      }
      auto n = make(Node::Kind::Binary, begin);
      n->text = o;
      n->children.push_back(std::move(left));
      // Keyword expressions (local, if, function...) extend to the right as far as they go.
      if (keyword("local") || keyword("if") || keyword("function") || keyword("error") || keyword("assert")) {
        n->children.push_back(expr());
      } else {
        n->children.push_back(binary(p));
      }
      left = finish(std::move(n));
    }
  }

  NodePtr unary() {
    const Nesting nesting(this);
    const size_t begin = peek().span.begin;
    if (peek().kind == Tok::Operator && (op("-") || op("+") || op("!") || op("~"))) {
      auto n = make(Node::Kind::Unary, begin);
      n->text = take().text;
      if (keyword("local") || keyword("if") || keyword("function") || keyword("error") || keyword("assert")) {
        n->children.push_back(expr());
      } else {
        n->children.push_back(unary());
      }
      return finish(std::move(n));
    }
    return postfix();
  }

  NodePtr postfix() {
    const size_t begin = peek().span.begin;
    NodePtr n = primary();
    for (;;) {
      if (punct(".")) {
        take();
        auto idx = make(Node::Kind::Index, begin);
        idx->text = identifier();
        idx->children.push_back(std::move(n));
        n = finish(std::move(idx));
      } else if (punct("[")) {
        take();
        auto idx = make(Node::Kind::Index, begin);
        idx->children.push_back(std::move(n));
        // a[i], a[b:e], a[b:e:s], a[::s] ... (":" and "::" arrive as operators)
        bool slice = false;
        if (!op(":") && !op("::")) idx->children.push_back(expr());
        while (op(":") || op("::")) {
          slice = true;
          const int colons = take().text == "::" ? 2 : 1;
          (void)colons;
          if (!punct("]") && !op(":") && !op("::")) idx->children.push_back(expr());
        }
        if (slice) idx->kind = Node::Kind::Slice;
        expect_punct("]");
        n = finish(std::move(idx));
      } else if (punct("(")) {
        auto call = make(Node::Kind::Call, begin);
        call->children.push_back(std::move(n));
        args(call.get());
        n = finish(std::move(call));
      } else if (punct("{")) {
        auto apply = make(Node::Kind::Apply, begin);
        apply->children.push_back(std::move(n));
        apply->children.push_back(object());
        n = finish(std::move(apply));
      } else {
        return n;
      }
    }
  }

  NodePtr primary() {
    const Token& t = peek();
    const size_t begin = t.span.begin;
    switch (t.kind) {
      case Tok::Number: {
        auto n = make(Node::Kind::Number, begin);
        n->text = take().text;
        return finish(std::move(n));
      }
      case Tok::String: {
        auto n = make(Node::Kind::String, begin);
        n->text = take().text;
        return finish(std::move(n));
      }
      case Tok::Identifier: {
        auto n = make(Node::Kind::Identifier, begin);
        n->text = take().text;
        return finish(std::move(n));
      }
      case Tok::Keyword: {
        const std::string k = t.text;
        if (k == "null" || k == "true" || k == "false" || k == "self" || k == "super") {
          take();
          auto n = make(k == "null"    ? Node::Kind::Null
                        : k == "true"  ? Node::Kind::True
                        : k == "false" ? Node::Kind::False
                        : k == "self"  ? Node::Kind::Self
                                       : Node::Kind::Super,
                        begin);
          return finish(std::move(n));
        }
        if (k == "import" || k == "importstr" || k == "importbin") {
          take();
          auto n = make(Node::Kind::Import, begin);
          n->text = k;
          if (peek().kind != Tok::String) fail("computed imports are not allowed");
          auto path = make(Node::Kind::String, peek().span.begin);
          path->text = take().text;
          n->children.push_back(finish(std::move(path)));
          return finish(std::move(n));
        }
        if (k == "local" || k == "if" || k == "function" || k == "error" || k == "assert") return expr();
        fail("unexpected '" + k + "'");
      }
      case Tok::Operator:
        if (t.text == "$") {
          take();
          return finish(make(Node::Kind::Dollar, begin));
        }
        fail("unexpected '" + t.text + "'");
      case Tok::Punct:
        if (t.text == "{") return object();
        if (t.text == "[") return array();
        if (t.text == "(") {
          take();
          auto n = make(Node::Kind::Parens, begin);
          n->children.push_back(expr());
          expect_punct(")");
          return finish(std::move(n));
        }
        fail("unexpected '" + t.text + "'");
      case Tok::End:
        fail("unexpected end of file");
    }
    fail("unexpected token");
  }

  bool spans_lines(size_t begin, size_t end) const {
    return text_.substr(begin, end - begin).find('\n') != std::string_view::npos;
  }

  NodePtr array() {
    const size_t begin = peek().span.begin;
    expect_punct("[");
    auto n = make(Node::Kind::Array, begin);
    while (!punct("]")) {
      n->children.push_back(expr());
      if (keyword("for")) {
        n->kind = Node::Kind::ArrayComprehension;
        comprehension_tail(n.get());
        break;
      }
      if (!punct(",")) break;
      take();
    }
    expect_punct("]");
    n = finish(std::move(n));
    n->multiline = spans_lines(n->span.begin, n->span.end);
    return n;
  }

  // for x in e (for y in e | if e)*
  void comprehension_tail(Node* into) {
    while (keyword("for") || keyword("if")) {
      if (keyword("for")) {
        take();
        identifier();
        expect_keyword("in");
        into->children.push_back(expr());
      } else {
        take();
        into->children.push_back(expr());
      }
    }
  }

  NodePtr object() {
    const size_t begin = peek().span.begin;
    expect_punct("{");
    auto n = make(Node::Kind::Object, begin);
    while (!punct("}")) {
      if (keyword("local")) {
        take();
        auto local = make(Node::Kind::Local, peek().span.begin);
        binds(local.get(), nullptr, /*only_one=*/true);
        n->children.push_back(finish(std::move(local)));
      } else if (keyword("assert")) {
        take();
        auto a = make(Node::Kind::Assert, peek().span.begin);
        a->children.push_back(expr());
        if (op(":")) {
          take();
          a->children.push_back(expr());
        }
        n->children.push_back(finish(std::move(a)));
      } else if (keyword("for")) {
        n->kind = Node::Kind::ObjectComprehension;
        comprehension_tail(n.get());
        continue;
      } else {
        n->fields.push_back(field());
      }
      if (punct(",")) {
        if (!n->fields.empty()) n->fields.back().comma = peek().span;
        take();
        continue;
      }
      if (keyword("for")) continue;
      break;
    }
    expect_punct("}");
    n = finish(std::move(n));
    n->multiline = spans_lines(n->span.begin, n->span.end);
    return n;
  }

  Field field() {
    Field f;
    f.span.begin = peek().span.begin;
    f.key_span.begin = peek().span.begin;
    if (peek().kind == Tok::Identifier) {
      f.key_kind = Field::KeyKind::Identifier;
      f.key = take().text;
    } else if (peek().kind == Tok::String) {
      f.key_kind = Field::KeyKind::String;
      f.key = take().text;
    } else if (punct("[")) {
      take();
      f.key_kind = Field::KeyKind::Computed;
      auto key = expr();
      expect_punct("]");
      (void)key;
    } else {
      fail("expected a field name but got " + next());
    }
    f.key_span.end = last_end();
    auto value_holder = make(Node::Kind::Function, peek().span.begin);
    if (punct("(")) {
      f.method = true;
      params(value_holder.get());
    }
    if (peek().kind != Tok::Operator) fail("expected ':' after the field name but got " + next());
    std::string colon = take().text;
    if (!colon.empty() && colon[0] == '+') {
      f.plus = true;
      colon = colon.substr(1);
    }
    if (colon != ":" && colon != "::" && colon != ":::") fail("expected ':', '::' or ':::' but got '" + colon + "'");
    f.colons = static_cast<int>(colon.size());
    f.value = expr();
    f.span.end = last_end();
    return f;
  }
};

}  // namespace

NodePtr parse_jsonnet(std::string_view text, SyntaxError* error) {
  try {
    Lexer lexer(text);
    Parser parser(text, lexer.run());
    return parser.file();
  } catch (const LexError& e) {
    *error = {e.offset, e.message};
  } catch (const ParseError& e) {
    *error = {e.offset, e.message};
  }
  return nullptr;
}

void line_column(std::string_view text, size_t offset, int* line, int* column) {
  *line = 1;
  *column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++*line;
      *column = 1;
    } else {
      ++*column;
    }
  }
}

}  // namespace kgen::params
