#include "e2e/docs_examples.h"

#include <sstream>

namespace kgen::testing {
namespace {

std::vector<std::string> shell_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '#' && !in_word) {
      break;  // a comment
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

bool is_assignment(const std::string& word) {
  const auto equals = word.find('=');
  return equals != std::string::npos && equals > 0 && word.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789") == equals;
}

}  // namespace

std::vector<DocExample> doc_examples(const std::string& file, const std::string& markdown) {
  std::vector<DocExample> out;
  std::istringstream lines(markdown);
  std::string line, section;
  bool in_sh = false;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      in_sh = !in_sh && line == "```sh";
      continue;
    }
    if (!in_sh) {
      if (line.rfind("## ", 0) == 0) section = line.substr(3);
      continue;
    }
    std::vector<std::string> words = shell_words(line);
    size_t first = 0;
    while (first < words.size() && (words[first] == "exec" || is_assignment(words[first]))) ++first;
    if (first == words.size() || (words[first] != "kgen" && words[first] != "build/cmd/kgen")) continue;
    DocExample example{file, number, section, {}, line};
    for (size_t i = first + 1; i < words.size(); ++i) {
      const std::string& w = words[i];
      if (w[0] == '>' || w[0] == '<' || w.rfind("2>", 0) == 0 || w == "&") continue;  // redirections
      example.args.push_back(w);
    }
    out.push_back(example);
  }
  return out;
}

}  // namespace kgen::testing
