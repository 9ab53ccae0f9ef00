#include "jsonnet/go_regexp.h"

#include <re2/re2.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kgen::jsonnet {
namespace {

std::unique_ptr<RE2> compile(const std::string& pattern, std::string* error) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    *error = "error parsing regexp: " + re->error();
    return nullptr;
  }
  return re;
}

bool is_name_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

// regexp's extract(): parses "$name" or "${name}" at the start of `t`.
bool extract(std::string_view t, std::string* name, int* num, size_t* consumed) {
  if (t.size() < 2 || t[0] != '$') return false;
  const bool brace = t[1] == '{';
  size_t i = brace ? 2 : 1;
  const size_t start = i;
  while (i < t.size() && is_name_char(static_cast<unsigned char>(t[i]))) ++i;
  if (i == start) return false;
  *name = std::string(t.substr(start, i - start));
  if (brace) {
    if (i >= t.size() || t[i] != '}') return false;
    ++i;
  }
  *num = 0;
  for (char c : *name) {
    if (c < '0' || c > '9' || *num >= 100000000) {
      *num = -1;
      break;
    }
    *num = *num * 10 + (c - '0');
  }
  if ((*name)[0] == '0' && name->size() > 1) *num = -1;
  *consumed = i;
  return true;
}

void expand(const RE2& re, std::string_view tmpl, const std::vector<re2::StringPiece>& groups, std::string* out) {
  const auto& names = re.NamedCapturingGroups();
  while (!tmpl.empty()) {
    const size_t dollar = tmpl.find('$');
    if (dollar == std::string_view::npos) break;
    out->append(tmpl.substr(0, dollar));
    tmpl.remove_prefix(dollar);
    if (tmpl.size() > 1 && tmpl[1] == '$') {
      out->push_back('$');
      tmpl.remove_prefix(2);
      continue;
    }
    std::string name;
    int num = -1;
    size_t consumed = 0;
    if (!extract(tmpl, &name, &num, &consumed)) {
      out->push_back('$');
      tmpl.remove_prefix(1);
      continue;
    }
    tmpl.remove_prefix(consumed);
    int index = num;
    if (num < 0) {
      const auto it = names.find(name);
      index = it == names.end() ? -1 : it->second;
    }
    if (index >= 0 && static_cast<size_t>(index) < groups.size() && groups[static_cast<size_t>(index)].data() != nullptr) {
      out->append(groups[static_cast<size_t>(index)].data(), groups[static_cast<size_t>(index)].size());
    }
  }
  out->append(tmpl);
}

size_t rune_width(const std::string& s, size_t pos) {
  if (pos >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[pos]);
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::string go_quote_meta(std::string_view text) {
  static const std::string kSpecial = "\\.+*?()|[]{}^$";
  std::string out;
  out.reserve(text.size() * 2);
  for (char c : text) {
    if (kSpecial.find(c) != std::string::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

bool go_regex_match(const std::string& pattern, const std::string& text, bool* matched, std::string* error) {
  auto re = compile(pattern, error);
  if (!re) return false;
  *matched = RE2::PartialMatch(text, *re);
  return true;
}

bool go_regex_replace_all(const std::string& pattern, const std::string& src, const std::string& repl,
                          std::string* out, std::string* error) {
  auto re = compile(pattern, error);
  if (!re) return false;
  const int ngroups = re->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<size_t>(ngroups));
  std::string result;
  size_t last_match_end = 0;
  size_t search_pos = 0;
  const re2::StringPiece text(src);
  while (search_pos <= src.size()) {
    if (!re->Match(text, search_pos, src.size(), RE2::UNANCHORED, groups.data(), ngroups)) break;
    const size_t a0 = static_cast<size_t>(groups[0].data() - src.data());
    const size_t a1 = a0 + groups[0].size();
    result.append(src, last_match_end, a0 - last_match_end);
    // No replacement for an empty match right after the previous match.
    if (a1 > last_match_end || a0 == 0) expand(*re, repl, groups, &result);
    last_match_end = a1;
    const size_t width = rune_width(src, search_pos);
    if (search_pos + width > a1) {
      search_pos += width;
    } else if (search_pos + 1 > a1) {
      ++search_pos;
    } else {
      search_pos = a1;
    }
  }
  result.append(src, last_match_end, std::string::npos);
  *out = std::move(result);
  return true;
}

}  // namespace kgen::jsonnet
