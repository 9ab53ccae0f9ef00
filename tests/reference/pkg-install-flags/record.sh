#!/usr/bin/env bash
# Records what ks 0.13.1 printed (stdout, stderr, exit status) and wrote (app.yaml, the
# vendor/ files) for `pkg install --env` and `--name`, into this folder. Run by hand with
# the reference binary (never from the build or the tests):
#   tests/reference/pkg-install-flags/record.sh PATH/TO/ks-0.13.1 PATH/TO/swagger-v1.8.0.json
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../ks-sandbox.sh"
cp -r "$fixtures/registry" "$work/registry"
cd "$work"
"$ks" init demo --api-spec "file:$spec" --skip-default-registries 2>/dev/null
cd demo
"$ks" env add stage --api-spec "file:$spec" 2>/dev/null
"$ks" registry add kgen-test ../registry 2>/dev/null
run() {  # run NAME ARGS...: stdout, stderr (ks's log lines), exit status, app.yaml and vendor/ after
  local name=$1; shift
  set +e
  "$ks" "$@" > "$here/$name.out" 2> "$here/$name.err"
  echo $? > "$here/$name.rc"
  set -e
  cp app.yaml "$here/$name.app.yaml"
  (find vendor -type f 2>/dev/null || true) | sort > "$here/$name.vendor"
}
run 01-install-env-unknown pkg install kgen-test/hello --env nope
run 02-install-env pkg install kgen-test/hello --env stage
run 03-install-env-again pkg install kgen-test/hello --env stage
run 04-list pkg list
run 05-list-json pkg list -o json
run 06-list-installed pkg list --installed
run 07-install-other-env pkg install kgen-test/hello --env default
run 08-install-global-same-name pkg install kgen-test/hello --name hello
run 09-list pkg list
run 10-remove pkg remove kgen-test/hello
run 11-list-after-remove pkg list
run 12-install-other-name pkg install kgen-test/hello --name hi
