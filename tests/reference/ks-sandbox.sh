# Sourced by the record.sh scripts: the reference ks ($1) and OpenAPI spec ($2) as
# absolute paths, the fixtures folder, and a scratch $work (removed on exit) with a
# home and kubeconfig for ks (ks init wants a current context).
ks=$(realpath "$1")
spec=$(realpath "$2")
fixtures=$(cd "$(dirname "${BASH_SOURCE[0]}")/../fixtures" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home
mkdir -p "$HOME/.kube"
cat > "$HOME/.kube/config" <<'KC'
apiVersion: v1
kind: Config
clusters: [{name: local, cluster: {server: "https://127.0.0.1:6443"}}]
users: [{name: local, user: {token: x}}]
contexts: [{name: local, context: {cluster: local, user: local, namespace: kubeflow}}]
current-context: local
KC
