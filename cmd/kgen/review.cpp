// kgen diff ENV [-c C]... [--force-replace]   what an apply would change; exit 10 when something would
// kgen status ENV [-c C]... [--wait]   readiness of every object
// kgen validate ENV [-c C]... [--api-spec FILE]   objects against the OpenAPI schema
#include <unistd.h>

#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "common/error.h"
#include "common/files.h"
#include "kgen/cluster_session.h"
#include "kgen/commands.h"
#include "kube/applyset.h"
#include "kube/diff.h"
#include "kube/readiness.h"
#include "k8slib/k8slib.h"
#include "kube/schema_validate.h"

namespace kgen::cmd {
namespace {

constexpr int kDiffExitStatus = 10;  // as ks diff
constexpr int kNotReadyExitStatus = 3;

struct StatusFlags {
  ClusterFlags cluster;
  bool wait = false;
  std::string timeout = "5m";
  long poll_interval_ms = 2000;
  std::string format = "table";
};

struct ValidateFlags {
  ClusterFlags cluster;
  std::string api_spec;
};

void print_coloured_diff(const std::string& diff, bool colour) {
  if (!colour) {
    std::cout << diff;
    return;
  }
  std::istringstream in(diff);
  std::string line;
  while (std::getline(in, line)) {
    const bool header = line.rfind("---", 0) == 0 || line.rfind("+++", 0) == 0;
    if (!header && !line.empty() && line[0] == '+') std::cout << "\033[32m" << line << "\033[0m\n";
    else if (!header && !line.empty() && line[0] == '-') std::cout << "\033[31m" << line << "\033[0m\n";
    else if (line.rfind("@@", 0) == 0) std::cout << "\033[36m" << line << "\033[0m\n";
    else std::cout << line << "\n";
  }
}

struct DiffFlags {
  ClusterFlags cluster;
  bool force_replace = false;
};

int run_diff(const DiffFlags& flags) {
  ClusterSession session = open_session(flags.cluster);
  kube::DiffOptions options;
  options.default_ns = session.client->access().ns;
  options.applyset_id = kube::applyset_for(session.environment->name, options.default_ns).id;
  options.force_replace = flags.force_replace;
  const auto diffs = kube::diff_objects(session.client.get(), session.discovery.get(), session.manifests, options, session.log);
  const bool colour = ::isatty(1) == 1;
  for (const auto& d : diffs) print_coloured_diff(d.diff, colour);
  std::cout << std::flush;
  return diffs.empty() ? 0 : kDiffExitStatus;
}

void print_table(const std::vector<kube::ObjectStatus>& statuses) {
  size_t kind_width = 4, name_width = 4, status_width = 6;
  for (const auto& s : statuses) {
    kind_width = std::max(kind_width, s.kind.size());
    name_width = std::max(name_width, s.name.size());
    status_width = std::max(status_width, s.readiness.summary.size());
  }
  auto row = [&](const std::string& kind, const std::string& name, const std::string& status, const std::string& detail) {
    std::ostringstream line;
    line << std::left << std::setw(static_cast<int>(kind_width) + 3) << kind << std::setw(static_cast<int>(name_width) + 3) << name
         << std::setw(static_cast<int>(status_width) + 3) << status << detail;
    std::string text = line.str();
    while (!text.empty() && text.back() == ' ') text.pop_back();
    std::cout << text << "\n";
  };
  row("KIND", "NAME", "STATUS", "DETAIL");
  for (const auto& s : statuses) row(s.kind, s.name, s.readiness.summary, s.readiness.detail);
}

int run_status(const StatusFlags& flags) {
  ClusterSession session = open_session(flags.cluster);
  const std::string ns = session.client->access().ns;
  std::vector<kube::ObjectStatus> statuses;
  if (flags.wait) {
    kube::WaitOptions options{parse_duration_ms(flags.timeout, "--timeout"), flags.poll_interval_ms};
    statuses = kube::wait_ready(session.client.get(), session.discovery.get(), session.manifests, ns, options, nullptr);
  } else {
    statuses = kube::object_statuses(session.client.get(), session.discovery.get(), session.manifests, ns);
  }
  if (flags.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : statuses) {
      out.push_back({{"kind", s.kind}, {"name", s.name}, {"component", s.component}, {"state", kube::state_name(s.readiness.state)},
                     {"status", s.readiness.summary}, {"detail", s.readiness.detail}});
    }
    std::cout << out.dump(2) << "\n";
  } else if (flags.format == "table") {
    print_table(statuses);
  } else {
    throw Error("unknown output format \"" + flags.format + "\"", "use -o table or -o json");
  }
  for (const auto& s : statuses) {
    if (s.readiness.state != kube::ReadyState::Ready) return kNotReadyExitStatus;
  }
  return 0;
}

int run_validate(const ValidateFlags& flags) {
  ClusterSession session = open_session(flags.cluster, false);
  std::string source = flags.api_spec;
  std::string text;
  if (source.empty()) {
    const std::string local = join_path(session.app.root, "lib/ksonnet-lib/" + session.environment->k8s_version + "/swagger.json");
    // The app's own library's spec, else the spec cache's (what show's library was
    // generated from).
    const std::string cached = join_path(k8slib::spec_cache_dir(), session.environment->k8s_version + "/swagger.json");
    if (!session.environment->k8s_version.empty() && is_regular_file(local)) {
      source = local;
    } else if (!session.environment->k8s_version.empty() && !k8slib::spec_cache_dir().empty() && is_regular_file(cached)) {
      source = cached;
    }
  }
  if (!source.empty()) {
    text = read_file(source);
  } else {
    connect_session(flags.cluster, &session);
    source = session.client->access().server + "/openapi/v2";
    text = session.client->get("/openapi/v2").dump();
  }
  nlohmann::json spec;
  try {
    spec = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw Error("API spec is not JSON: " + std::string(e.what()), "pass a Kubernetes swagger.json", {display_path(source)});
  }
  const kube::SchemaValidator validator(std::move(spec), display_path(source));
  int failed = 0, problems = 0;
  for (const auto& m : session.manifests) {
    const std::string ns = m.object["metadata"].value("namespace", "");
    const std::string name = m.object["metadata"].value("name", "");
    const std::string what = m.object.value("kind", "") + " " + (ns.empty() ? name : ns + "." + name);
    if (!validator.knows(m.object)) {
      session.log(kube::LogLevel::Warning, "no schema for " + m.object.value("apiVersion", "") + " " + what + " in " +
                                               display_path(source) + "; not validated");
      continue;
    }
    session.log(kube::LogLevel::Info, "Validating " + what);
    const auto found = validator.validate(m.object);
    for (const auto& p : found) {
      std::cerr << "kgen: error: " << what << " (component " << m.component << "): " << p << "\n";
    }
    problems += static_cast<int>(found.size());
    if (!found.empty()) ++failed;
  }
  if (failed > 0) {
    throw Error("validation failed: " + std::to_string(problems) + " problem(s) in " + std::to_string(failed) + " object(s)",
                "fix the components named above");
  }
  return 0;
}

}  // namespace

void register_review(CLI::App& app, Action* action) {
  auto diff = std::make_shared<DiffFlags>();
  CLI::App* diff_cmd = app.add_subcommand("diff", "Show what apply would change (exit 10 when something would)");
  add_cluster_flags(diff_cmd, &diff->cluster);
  diff_cmd->add_flag("--force-replace", diff->force_replace,
                     "Show objects whose immutable fields changed as apply --force-replace would replace them");
  add_example(diff_cmd, "kgen diff default -c pets-pvc");
  diff_cmd->callback([diff, action] { *action = [diff] { return run_diff(*diff); }; });

  auto status = std::make_shared<StatusFlags>();
  CLI::App* status_cmd = app.add_subcommand("status", "Show whether each object is ready (exit 3 when one is not)");
  add_cluster_flags(status_cmd, &status->cluster);
  status_cmd->add_flag("--wait", status->wait, "Wait until every object is ready");
  status_cmd->add_option("--timeout", status->timeout, "How long --wait waits (e.g. 5m)")->capture_default_str();
  status_cmd->add_option("-o,--output", status->format, "table or json")->capture_default_str();
  status_cmd->add_option("--poll-interval-ms", status->poll_interval_ms)->group("");
  add_example(status_cmd, "kgen status default --wait --timeout 10m");
  status_cmd->callback([status, action] { *action = [status] { return run_status(*status); }; });

  auto validate = std::make_shared<ValidateFlags>();
  CLI::App* validate_cmd = app.add_subcommand("validate", "Check objects against the Kubernetes OpenAPI schema");
  add_cluster_flags(validate_cmd, &validate->cluster);
  validate_cmd->add_option("--api-spec", validate->api_spec,
                           "OpenAPI v2 file (default: lib/ksonnet-lib/<version>/swagger.json, else the cluster's /openapi/v2)");
  add_example(validate_cmd, "kgen validate default --api-spec swagger.json");
  validate_cmd->callback([validate, action] { *action = [validate] { return run_validate(*validate); }; });
}

}  // namespace kgen::cmd
