#include "common/unified_diff.h"

#include <dtl/dtl.hpp>

#include <sstream>
#include <vector>

namespace kgen {
namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

}  // namespace

std::string unified_diff(const std::string& label, const std::string& before, const std::string& after) {
  if (before == after) return {};
  dtl::Diff<std::string> diff(split_lines(before), split_lines(after));
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream out;
  out << "--- a/" << label << "\n+++ b/" << label << "\n";
  diff.printUnifiedFormat(out);
  return out.str();
}

}  // namespace kgen
