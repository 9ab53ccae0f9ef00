#include "jsonnet/import_scanner.h"

#include <string>

#include "common/utf8.h"

namespace kgen::jsonnet {
namespace {

bool is_id_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_id_char(char c) { return is_id_start(c) || (c >= '0' && c <= '9'); }

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  std::vector<ImportSite> run() {
    std::vector<ImportSite> sites;
    while (skip_space_and_comments(), pos_ < s_.size()) {
      const char c = s_[pos_];
      if (is_id_start(c)) {
        const size_t start = pos_;
        while (pos_ < s_.size() && is_id_char(s_[pos_])) ++pos_;
        const std::string_view word = s_.substr(start, pos_ - start);
        if (word == "import" || word == "importstr") {
          ImportSite site;
          site.kind = word == "import" ? ImportSite::Kind::Import : ImportSite::Kind::ImportStr;
          site.begin = start;
          const size_t after_keyword = pos_;
          skip_space_and_comments();
          if (string_literal(&site.path)) {
            site.end = pos_;
            sites.push_back(site);
          } else {
            pos_ = after_keyword;
          }
        }
        continue;
      }
      if (c == '"' || c == '\'' || (c == '@' && pos_ + 1 < s_.size() && (s_[pos_ + 1] == '"' || s_[pos_ + 1] == '\''))) {
        std::string ignored;
        string_literal(&ignored);
        continue;
      }
      if (s_.compare(pos_, 3, "|||") == 0) {
        skip_text_block();
        continue;
      }
      ++pos_;
    }
    return sites;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;

  void skip_space_and_comments() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '#' || (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '/')) {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == '/' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '*') {
        const size_t close = s_.find("*/", pos_ + 2);
        pos_ = close == std::string_view::npos ? s_.size() : close + 2;
      } else {
        return;
      }
    }
  }

  // A quoted or verbatim string at pos_: decodes it into *out and moves past it.
  bool string_literal(std::string* out) {
    if (pos_ >= s_.size()) return false;
    bool verbatim = false;
    size_t p = pos_;
    if (s_[p] == '@') {
      verbatim = true;
      ++p;
    }
    if (p >= s_.size() || (s_[p] != '"' && s_[p] != '\'')) return false;
    const char quote = s_[p++];
    out->clear();
    while (p < s_.size()) {
      const char c = s_[p];
      if (c == quote) {
        if (verbatim && p + 1 < s_.size() && s_[p + 1] == quote) {
          out->push_back(quote);
          p += 2;
          continue;
        }
        pos_ = p + 1;
        return true;
      }
      if (c == '\\' && !verbatim && p + 1 < s_.size()) {
        const char e = s_[p + 1];
        p += 2;
        switch (e) {
          case 'n': out->push_back('\n'); break;
          case 't': out->push_back('\t'); break;
          case 'r': out->push_back('\r'); break;
          case 'b': out->push_back('\b'); break;
          case 'f': out->push_back('\f'); break;
          case 'u': {
            // Import paths are ASCII in practice; keep other code points as UTF-8.
            unsigned code = 0;
            for (int k = 0; k < 4 && p < s_.size(); ++k, ++p) {
              const char h = s_[p];
              code = code * 16 + static_cast<unsigned>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
            }
            append_utf8(code, out);
            break;
          }
          default: out->push_back(e); break;  // \" \' \\ \/
        }
        continue;
      }
      out->push_back(c);
      ++p;
    }
    pos_ = s_.size();  // unterminated: the parser will report it
    return false;
  }

  // |||\n  text...\n|||  ends at the first line whose first non-blank characters are |||.
  void skip_text_block() {
    pos_ += 3;
    size_t line_start = s_.find('\n', pos_);
    while (line_start != std::string_view::npos) {
      size_t p = line_start + 1;
      while (p < s_.size() && (s_[p] == ' ' || s_[p] == '\t')) ++p;
      if (s_.compare(p, 3, "|||") == 0) {
        pos_ = p + 3;
        return;
      }
      line_start = s_.find('\n', p);
    }
    pos_ = s_.size();
  }
};

}  // namespace

std::vector<ImportSite> scan_imports(std::string_view source) { return Scanner(source).run(); }

}  // namespace kgen::jsonnet
