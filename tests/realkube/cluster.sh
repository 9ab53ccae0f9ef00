#!/usr/bin/env bash
# A real Kubernetes control plane for the cluster tests: Debian's etcd, and kube-apiserver
# and kube-controller-manager v1.20.2 built by scripts/build-kubernetes.sh. Every listener
# is on 127.0.0.1 with a free port; no kubelet, no scheduler (tests mark pods Succeeded
# themselves).
#   tests/realkube/cluster.sh start DIR   certificates, kubeconfig and state in DIR; returns when ready
#   tests/realkube/cluster.sh stop DIR    stops exactly what `start DIR` started, by PID
# DIR then holds: kubeconfig (contexts `admin`, the current one, with a client certificate,
# and `admin-token` with a bearer token), server (the URL), version, pids, logs/.
# ctest runs it as the real_kube fixture (tests real_kube_start / real_kube_stop).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action="$1"
mkdir -p "$2"
dir="$(cd "$2" && pwd)"
pids="$dir/pids"

# A recorded PID is ours only while its command line still names DIR: a PID the kernel
# reused for another program is left alone.
ours() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$dir/"; }

stop_all() {
  [ -f "$pids" ] || return 0
  local pid waited
  # Reverse start order: controller-manager, apiserver, etcd.
  for pid in $(tac "$pids"); do
    ours "$pid" && kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in $(tac "$pids"); do
    waited=0
    while ours "$pid" && [ $waited -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
    if ours "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  done
  rm -f "$pids"
  rm -rf "$dir/etcd"
}

if [ "$action" = stop ]; then stop_all; exit 0; fi
[ "$action" = start ] || usage

bin="$("$here/../../scripts/build-kubernetes.sh" --bin-dir)"
if [ ! -x "$bin/kube-apiserver" ] || [ ! -x "$bin/kube-controller-manager" ]; then
  echo "cluster.sh: no kube-apiserver in $bin: run scripts/install-deps.sh --real-kube (scripts/test.sh does)" >&2
  exit 1
fi
for tool in etcd openssl curl; do
  command -v "$tool" >/dev/null || { echo "cluster.sh: $tool is missing: run scripts/install-deps.sh --real-kube" >&2; exit 1; }
done

# A killed earlier run (ctest interrupted before its cleanup) may have left its processes.
stop_all
rm -rf "$dir/pki" "$dir/logs" "$dir/etcd" "$dir/kubeconfig" "$dir/server" "$dir/version"
mkdir -p "$dir/pki" "$dir/logs" "$dir/flex-volume"

fail() {
  echo "cluster.sh: $1 (logs in $dir/logs)" >&2
  for log in "$dir"/logs/*.log; do [ -f "$log" ] && { echo "--- $log" >&2; tail -15 "$log" >&2; }; done
  stop_all
  exit 1
}
trap 'fail "interrupted"' INT TERM

# --- certificates: a CA, the serving certificate, an admin client, the service-account keys
pki="$dir/pki"
(
  cd "$pki"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3 -subj "/CN=kgen-test-ca" -keyout ca.key -out ca.crt 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=kube-apiserver" -keyout server.key -out server.csr 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' >server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3 -extfile server.ext -out server.crt 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/O=system:masters/CN=kgen-admin" -keyout admin.key -out admin.csr 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' >admin.ext
  openssl x509 -req -in admin.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3 -extfile admin.ext -out admin.crt 2>/dev/null
  openssl genrsa -out sa.key 2048 2>/dev/null
  openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
  token="$(openssl rand -hex 16)"
  echo "$token" >admin.token
  echo "$token,kgen-token-admin,kgen-token-admin,system:masters" >tokens.csv
) || fail "openssl could not make the certificates"
chmod 600 "$pki"/*.key "$pki/admin.token"

# --- free ports: a random port nothing answers on (a race with another program is caught
# below: the process that cannot bind exits, and the whole start is tried again).
used_ports=" "
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    case "$used_ports" in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then used_ports+="$port "; echo "$port"; return; fi
  done
}

launch() {  # name, command...: in a session of its own, output to its log, stdin closed
  local name="$1"; shift
  setsid "$@" </dev/null >"$dir/logs/$name.log" 2>&1 &
  echo $! >>"$pids"
  eval "${name//-/_}_pid=$!"
}

wait_for() {  # what, pid, seconds, probe...
  local what="$1" pid="$2" tries=$(($3 * 10)); shift 3
  while [ $tries -gt 0 ]; do
    if "$@" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
    tries=$((tries - 1))
  done
  fail "$what was not ready in time"
}

admin_curl() { curl -sf --cacert "$pki/ca.crt" --cert "$pki/admin.crt" --key "$pki/admin.key" "$@"; }

start_once() {
  : >"$pids"
  local etcd_port peer_port api_port kcm_port
  etcd_port="$(free_port)" peer_port="$(free_port)" api_port="$(free_port)" kcm_port="$(free_port)"
  mkdir -p "$dir/etcd"
  launch etcd etcd --name kgen-test --data-dir "$dir/etcd/data" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "kgen-test=http://127.0.0.1:$peer_port"
  wait_for etcd "$etcd_pid" 30 curl -sf "http://127.0.0.1:$etcd_port/health" || return 1

  launch kube-apiserver "$bin/kube-apiserver" --bind-address=127.0.0.1 --advertise-address=127.0.0.1 \
    --secure-port="$api_port" --insecure-port=0 --etcd-servers="http://127.0.0.1:$etcd_port" \
    --cert-dir="$dir/pki" --tls-cert-file="$pki/server.crt" --tls-private-key-file="$pki/server.key" \
    --client-ca-file="$pki/ca.crt" --token-auth-file="$pki/tokens.csv" --authorization-mode=RBAC \
    --service-account-issuer=https://kubernetes.default.svc --service-account-key-file="$pki/sa.pub" \
    --service-account-signing-key-file="$pki/sa.key" --service-cluster-ip-range=10.0.0.0/24 \
    --endpoint-reconciler-type=none --profiling=false
  wait_for kube-apiserver "$kube_apiserver_pid" 90 admin_curl "https://127.0.0.1:$api_port/readyz" || return 1

  # The admin kubeconfig, which the controller-manager uses too.
  local server="https://127.0.0.1:$api_port"
  cat >"$dir/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: real-kube
  cluster:
    server: $server
    certificate-authority: $pki/ca.crt
users:
- name: admin
  user:
    client-certificate: $pki/admin.crt
    client-key: $pki/admin.key
- name: admin-token
  user:
    token: $(cat "$pki/admin.token")
contexts:
- name: admin
  context: {cluster: real-kube, user: admin}
- name: admin-token
  context: {cluster: real-kube, user: admin-token}
current-context: admin
EOF
  chmod 600 "$dir/kubeconfig"

  launch kube-controller-manager "$bin/kube-controller-manager" --kubeconfig="$dir/kubeconfig" \
    --bind-address=127.0.0.1 --secure-port="$kcm_port" --port=0 --leader-elect=false --controllers='*' \
    --use-service-account-credentials=false --authentication-skip-lookup=true \
    --flex-volume-plugin-dir="$dir/flex-volume" --cert-dir="$dir/pki/kcm" \
    --service-account-private-key-file="$pki/sa.key" --root-ca-file="$pki/ca.crt" \
    --cluster-signing-cert-file="$pki/ca.crt" --cluster-signing-key-file="$pki/ca.key" --profiling=false
  wait_for kube-controller-manager "$kube_controller_manager_pid" 60 curl -sfk "https://127.0.0.1:$kcm_port/healthz" || return 1
  # Pods are refused ("No API token found") until the default ServiceAccount has its token.
  wait_for "the default ServiceAccount's token" "$kube_controller_manager_pid" 60 \
    sh -c "curl -sf --cacert '$pki/ca.crt' --cert '$pki/admin.crt' --key '$pki/admin.key' \
      '$server/api/v1/namespaces/default/serviceaccounts/default' | grep -q '\"secrets\"'" || return 1
  echo "$server" >"$dir/server"
  admin_curl "$server/version" | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p' >"$dir/version"
}

for attempt in 1 2 3; do
  if start_once; then
    echo "cluster.sh: Kubernetes $(cat "$dir/version") at $(cat "$dir/server"), kubeconfig $dir/kubeconfig" >&2
    exit 0
  fi
  echo "cluster.sh: a process exited while starting (attempt $attempt; a port taken meanwhile?)" >&2
  stop_all
  mkdir -p "$dir/etcd"
done
fail "the control plane did not start"
