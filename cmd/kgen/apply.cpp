// kgen apply ENV [-c C]... [--dry-run[=client|server]] [--force-conflicts] [--force-replace] [--prune] [--yes] [--wait]
// kgen delete ENV [-c C]... [--dry-run] [--wait]
#include <unistd.h>

#include <iostream>
#include <memory>

#include "common/error.h"
#include "kgen/cluster_session.h"
#include "kgen/commands.h"
#include "kube/apply_environment.h"
#include "kube/readiness.h"
#include "kube/remove.h"

namespace kgen::cmd {
namespace {

struct ApplyFlags {
  ClusterFlags cluster;
  std::string dry_run;  // "", "client", "server"
  bool force_conflicts = false;
  bool force_replace = false;
  bool prune = false;
  bool yes = false;
  bool wait = false;
  std::string timeout = "5m";
  long poll_interval_ms = 2000;
};

struct DeleteFlags {
  ClusterFlags cluster;
  bool dry_run = false;
  bool wait = false;
  long grace_period = -1;
  std::string timeout = "5m";
  long poll_interval_ms = 2000;
};

void print_progress(const std::vector<kube::ObjectStatus>& statuses, bool terminal, std::vector<std::string>* last) {
  size_t ready = 0;
  const kube::ObjectStatus* waiting = nullptr;
  std::vector<std::string> lines;
  for (const auto& s : statuses) {
    if (s.readiness.state == kube::ReadyState::Ready) ++ready;
    else if (waiting == nullptr) waiting = &s;
    lines.push_back(s.kind + " " + s.name + ": " + s.readiness.summary + (s.readiness.detail.empty() ? "" : " " + s.readiness.detail));
  }
  if (terminal) {
    std::cerr << "\r\033[K" << ready << "/" << statuses.size() << " ready";
    if (waiting != nullptr) std::cerr << ", waiting for " << waiting->kind << " " << waiting->name << " (" << waiting->readiness.summary << ")";
    if (ready == statuses.size()) std::cerr << "\n";
    std::cerr << std::flush;
    return;
  }
  // Plain lines: only what changed since the last round.
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i >= last->size() || (*last)[i] != lines[i]) log_line(kube::LogLevel::Info, lines[i], false);
  }
  *last = lines;
}

void wait_for(ClusterSession& session, long timeout_ms, long poll_ms) {
  kube::WaitOptions options{timeout_ms, poll_ms};
  std::vector<std::string> last;
  const bool terminal = session.stderr_is_terminal;
  try {
    kube::wait_ready(session.client.get(), session.discovery.get(), session.manifests, session.client->access().ns, options,
                     [&](const std::vector<kube::ObjectStatus>& s) { print_progress(s, terminal, &last); });
  } catch (const Error&) {
    if (terminal) std::cerr << "\n";
    throw;
  }
}

bool confirm(const std::string& question) {
  if (::isatty(0) != 1) return false;
  std::cerr << question << " [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "Y" || answer == "yes";
}

int run_apply(const ApplyFlags& flags) {
  kube::DryRun dry_run = kube::DryRun::None;
  if (flags.dry_run == "client") dry_run = kube::DryRun::Client;
  else if (flags.dry_run == "server") dry_run = kube::DryRun::Server;
  else if (!flags.dry_run.empty() && flags.dry_run != "none") {
    throw Error("--dry-run=" + flags.dry_run + " is not a dry-run mode", "use --dry-run, --dry-run=client or --dry-run=server");
  }
  const long timeout_ms = parse_duration_ms(flags.timeout, "--timeout");
  ClusterSession session = open_session(flags.cluster);
  kube::Client* client = session.client.get();
  const std::string ns = client->access().ns;

  kube::ApplyOptions options;
  options.dry_run = dry_run;
  options.force_conflicts = flags.force_conflicts;
  options.default_ns = ns;
  options.applyset = kube::applyset_for(session.environment->name, ns);
  options.poll_interval_ms = std::min(flags.poll_interval_ms, 500L);
  options.force_replace = flags.force_replace;
  options.replace_timeout_ms = timeout_ms;
  if (!flags.yes) {
    options.confirm_replace = [](const std::string& object, const std::vector<std::string>&) {
      return confirm("Delete " + object + " (and what it owns) and create it again?");
    };
  }

  kube::PruneOptions prune;
  prune.enabled = flags.prune;
  prune.components = {flags.cluster.components.begin(), flags.cluster.components.end()};
  if (!flags.yes) {
    prune.confirm = [](const std::vector<kube::PruneCandidate>& candidates) {
      return confirm("Delete these " + std::to_string(candidates.size()) + " object(s)?");
    };
  }
  const kube::EnvironmentApplyResult outcome =
      kube::apply_environment(client, session.discovery.get(), session.manifests, options, prune, session.log);
  const kube::ApplyResult& result = outcome.applied;
  const int pruned = outcome.pruned;

  const int total = result.created + result.configured + result.unchanged + result.replaced;
  std::string summary = (dry_run == kube::DryRun::None ? "Applied " : "Would apply ") + std::to_string(total) + " object(s) to " +
                        client->access().server + ": " + std::to_string(result.created) + " created, " +
                        std::to_string(result.configured) + " configured, " + std::to_string(result.unchanged) + " unchanged";
  if (dry_run == kube::DryRun::Client) {
    summary = "Would apply " + std::to_string(total) + " object(s) to " + client->access().server + ": " +
              std::to_string(result.created) + " to create, " + std::to_string(result.configured) + " existing";
  }
  if (flags.force_replace) summary += ", " + std::to_string(result.replaced) + " replaced";
  if (flags.prune) summary += ", " + std::to_string(pruned) + " pruned";
  session.log(kube::LogLevel::Info, summary);
  if (flags.wait && dry_run == kube::DryRun::None) wait_for(session, timeout_ms, flags.poll_interval_ms);
  return 0;
}

int run_delete(const DeleteFlags& flags) {
  ClusterSession session = open_session(flags.cluster);
  kube::DeleteOptions options;
  options.dry_run = flags.dry_run;
  options.wait = flags.wait;
  options.grace_period_seconds = flags.grace_period;
  options.timeout_ms = parse_duration_ms(flags.timeout, "--timeout");
  options.poll_interval_ms = flags.poll_interval_ms;
  options.default_ns = session.client->access().ns;
  if (flags.cluster.components.empty()) options.applyset = kube::applyset_for(session.environment->name, options.default_ns);
  const kube::DeleteResult result =
      kube::delete_objects(session.client.get(), session.discovery.get(), session.manifests, options, session.log);
  session.log(kube::LogLevel::Info, std::string(flags.dry_run ? "Would delete " : "Deleted ") + std::to_string(result.deleted) +
                                        " object(s) from " + session.client->access().server + " (" +
                                        std::to_string(result.missing) + " already absent)");
  return 0;
}

}  // namespace

void register_apply(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ApplyFlags>();
  CLI::App* apply = app.add_subcommand("apply", "Apply an environment to its cluster (server-side apply)");
  add_cluster_flags(apply, &flags->cluster);
  // A flag with an optional value (--dry-run, --dry-run=server): `apply --dry-run ENV` keeps ENV positional.
  apply->add_flag("--dry-run{client}", flags->dry_run,
                  "--dry-run or --dry-run=client: only read the cluster; --dry-run=server: the server checks every object");
  apply->add_flag("--force-conflicts", flags->force_conflicts, "Take over fields another manager owns");
  apply->add_flag("--force-replace", flags->force_replace,
                  "Delete and create again the objects the server refuses only because immutable fields changed "
                  "(a Job's pod template); asks first unless --yes");
  apply->add_flag("--prune", flags->prune, "Delete objects an earlier apply of this environment made and the render no longer has");
  apply->add_flag("-y,--yes", flags->yes, "Prune and replace without asking");
  apply->add_flag("--wait", flags->wait, "Wait until Jobs complete, PVCs bind and workloads roll out");
  apply->add_option("--timeout", flags->timeout, "How long --wait waits (e.g. 5m)")->capture_default_str();
  apply->add_option("--poll-interval-ms", flags->poll_interval_ms)->group("");  // tests poll faster
  add_example(apply, "kgen apply default -c pets-pvc\n  kgen apply default --wait --prune --yes");
  apply->callback([flags, action] { *action = [flags] { return run_apply(*flags); }; });

  auto del = std::make_shared<DeleteFlags>();
  CLI::App* remove = app.add_subcommand("delete", "Delete an environment's objects from its cluster (reverse order)");
  add_cluster_flags(remove, &del->cluster);
  remove->add_flag("--dry-run", del->dry_run, "Only say what would be deleted");
  remove->add_flag("--wait", del->wait, "Wait until the objects are gone");
  remove->add_option("--grace-period", del->grace_period,
                     "Seconds each object gets to terminate gracefully (0: at once); negative: the objects' own")
      ->capture_default_str();
  remove->add_option("--timeout", del->timeout, "How long --wait waits (e.g. 5m)")->capture_default_str();
  remove->add_option("--poll-interval-ms", del->poll_interval_ms)->group("");
  add_example(remove, "kgen delete default --dry-run\n  kgen delete default --grace-period 0 --wait");
  remove->callback([del, action] { *action = [del] { return run_delete(*del); }; });
}

}  // namespace kgen::cmd
