#include <cwctype>
#include <clocale>
#include <locale.h>

#include <string_view>
#include <vector>

#include "encoding/go_yaml.h"

namespace kgen::encoding {
namespace {

std::vector<char32_t> decode_runes(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int width = 1;
    char32_t r = c;
    if (c >= 0xF0) {
      width = 4;
      r = c & 0x07;
    } else if (c >= 0xE0) {
      width = 3;
      r = c & 0x0F;
    } else if (c >= 0xC0) {
      width = 2;
      r = c & 0x1F;
    }
    for (int k = 1; k < width && i + k < s.size(); ++k) {
      r = (r << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(r);
    i += width;
  }
  return out;
}

// unicode.IsLetter: ASCII exactly; other runes through the C.UTF-8 locale's tables.
bool is_letter(char32_t r) {
  if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
  static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  if (utf8 == static_cast<locale_t>(0)) return true;
  return iswalpha_l(static_cast<wint_t>(r), utf8) != 0;
}

bool is_digit(char32_t r) { return r >= '0' && r <= '9'; }

}  // namespace

// A port of go-yaml v2's keyList.Less for string keys.
bool go_yaml_key_less(std::string_view a_text, std::string_view b_text) {
  const auto ar = decode_runes(a_text);
  const auto br = decode_runes(b_text);
  for (size_t i = 0; i < ar.size() && i < br.size(); ++i) {
    if (ar[i] == br[i]) continue;
    const bool al = is_letter(ar[i]);
    const bool bl = is_letter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    // Unsigned arithmetic wraps like Go's int64 would on absurdly long digit runs.
    unsigned long long an = 0, bn = 0;
    if (ar[i] == '0' || br[i] == '0') {
      for (size_t j = i; j-- > 0 && is_digit(ar[j]);) {
        if (ar[j] != '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    size_t ai = i, bi = i;
    for (; ai < ar.size() && is_digit(ar[ai]); ++ai) an = an * 10 + (ar[ai] - '0');
    for (; bi < br.size() && is_digit(br[bi]); ++bi) bn = bn * 10 + (br[bi] - '0');
    if (an != bn) return static_cast<long long>(an) < static_cast<long long>(bn);
    if (ai != bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.size() < br.size();
}

}  // namespace kgen::encoding
