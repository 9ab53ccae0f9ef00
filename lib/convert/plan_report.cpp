// The text of `kgen migrate --kube-version`: one line per object, what changes under it.
#include <string>

#include "convert/convert.h"

namespace kgen::convert {

std::vector<std::string> plan_lines(const std::vector<Change>& changes, const Target& target, bool* ok) {
  std::vector<std::string> lines;
  int served = 0, converted = 0, custom = 0, removed = 0, problems = 0;
  for (const Change& c : changes) {
    const std::string head = "  " + c.kind + " " + (c.ns.empty() ? c.name : c.ns + "/" + c.name) + " (component " +
                             c.component + "): " + c.api_version;
    switch (c.outcome) {
      case Outcome::Served:
        ++served;
        lines.push_back(head + ": served, unchanged");
        break;
      case Outcome::Custom:
        ++custom;
        lines.push_back(head + ": unchanged");
        break;
      case Outcome::Converted:
        ++converted;
        lines.push_back(head + ": removed in " + c.removed_in + " -> " + c.new_api_version);
        break;
      case Outcome::Problem:
        ++problems;
        lines.push_back(head + ": removed in " + c.removed_in + " -> " + c.new_api_version + ", once the component is fixed");
        break;
      case Outcome::NoReplacement:
        ++removed;
        lines.push_back(head + ": removed in " + c.removed_in + ", no replacement: " +
                        (target.drop_removed ? "left out (--drop-removed)" : "an error (--drop-removed leaves it out)"));
        break;
    }
    for (const auto& note : c.notes) lines.push_back("    " + note);
    for (const auto& problem : c.problems) lines.push_back("    TO FIX " + problem);
  }
  lines.push_back("  " + std::to_string(changes.size()) + " object(s): " + std::to_string(served) + " served, " +
                  std::to_string(converted) + " converted, " + std::to_string(custom) + " custom resource(s), " +
                  std::to_string(removed) + " without replacement, " + std::to_string(problems) + " to fix");
  *ok = problems == 0 && (removed == 0 || target.drop_removed);
  return lines;
}

}  // namespace kgen::convert
