#!/usr/bin/env bash
# Records what ks 0.13.1 printed and wrote for the registry, package, prototype, module
# and import commands, into this folder. Run by hand with the reference binary (never
# from the build or the tests):  tests/reference/registry-flow/record.sh PATH/TO/ks-0.13.1 PATH/TO/swagger-v1.8.0.json
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../ks-sandbox.sh"
cp -r "$fixtures/registry" "$work/registry"
cp -r "$fixtures/manifests" "$work/manifests"
cd "$work"
"$ks" init demo --api-spec "file:$spec" --skip-default-registries 2>/dev/null
cd demo
run() {  # run NAME ARGS...: stdout to NAME.out, exit status to NAME.rc
  local name=$1; shift
  set +e
  "$ks" "$@" > "$here/$name.out" 2>/dev/null
  echo $? > "$here/$name.rc"
  set -e
}
run 01-registry-list-empty registry list
run 02-registry-add registry add kgen-test ../registry
run 03-registry-list registry list
run 04-registry-list-json registry list -o json
run 05-registry-describe registry describe kgen-test
run 06-pkg-list pkg list
run 07-pkg-describe pkg describe kgen-test/hello
run 08-pkg-install pkg install kgen-test/hello
run 09-pkg-list-installed pkg list --installed
run 10-pkg-list-json pkg list -o json
run 11-prototype-list prototype list
run 12-prototype-describe prototype describe hello
run 13-prototype-search prototype search service
run 14-prototype-preview prototype preview hello --name p --greeting hey
run 15-generate generate hello greet --greeting hey
run 16-param-set param set greet replicas 3
run 17-show show default
run 18-prototype-list-json prototype list -o json
run 19-module-create module create web.front
run 20-module-list module list
run 21-module-list-json module list -o json
run 22-import-json import -f ../manifests/config.json --module web.front
run 23-component-list-web component list --module web.front
for p in configMap deployed-service namespace single-port-deployment single-port-service; do
  run "system-describe-$p" prototype describe "$p"
done
run system-generate-configMap generate configMap cm --data '{"a": "b"}'
run system-generate-deployed-service generate deployed-service web --image nginx --replicas 2
run system-generate-namespace generate namespace ns
run system-generate-single-port-deployment generate single-port-deployment spd --image redis --containerPort 6379
run system-generate-single-port-service generate single-port-service sps --targetLabelSelector "{app: 'spd'}" --protocol UDP
run system-show show default
mkdir -p "$here/files/components/web/front"
cp app.yaml "$here/files/app.yaml"
cp components/*.jsonnet components/params.libsonnet "$here/files/components/"
cp components/web/front/* "$here/files/components/web/front/"
(cd vendor && find . -type f | sort) > "$here/vendor-files.txt"
