#!/usr/bin/env bash
# Records what ks 0.13.1 printed and wrote for each spec of specs.txt, into <spec>/ here:
# NN.out, NN.err and NN.rc for the NNth line of the spec (00 is its ks init), NN.file
# for a `file` line (absent: no NN.file, an NN.missing instead). Run by hand with the
# reference binary, never from the build or the tests:
#   tests/reference/ks-e2e/record.sh PATH/TO/ks-0.13.1 PATH/TO/swagger-v1.8.0.json [SPEC...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../ks-sandbox.sh"
only=("${@:3}")
cp -r "$fixtures" "$work/fixtures"

# Scratch and fixture paths become @WORK@ and @FIXTURES@, as in the test.
portable() { sed -e "s#$HOME#@HOME@#g" -e "s#$work/fixtures#@FIXTURES@#g" -e "s#$spec#@SPEC@#g" -e "s#$1#@WORK@#g"; }
expand() {  # expand WORKDIR TEXT: the placeholders of a spec line
  local text=${2//@WORK@/$1}
  text=${text//@FIXTURES@/$work/fixtures}
  text=${text//@SPEC@/$spec}
  if [[ $text == *@IMPORTED@* ]]; then
    local imported
    imported=$(cd "$1/app/components" && ls -- *.yaml | head -n1)
    text=${text//@IMPORTED@/${imported%.yaml}}
  fi
  printf '%s' "$text"
}
run_ks() {  # run_ks DIR WORKDIR PREFIX ARGS...: stdout, stderr, status into PREFIX.*
  local dir=$1 workdir=$2 prefix=$3; shift 3
  set +e
  (cd "$dir" && "$ks" "$@") > "$prefix.raw-out" 2> "$prefix.raw-err" < /dev/null
  echo $? > "$prefix.rc"
  set -e
  portable "$workdir" < "$prefix.raw-out" > "$prefix.out"
  portable "$workdir" < "$prefix.raw-err" > "$prefix.err"
  rm -f "$prefix.raw-out" "$prefix.raw-err"
}
declare -A templates=()  # init line -> an app made with it, copied for each spec
default_init=$(sed -n 's/^default-init //p' "$here/specs.txt")

finish_init() {  # finish_init NAME INITLINE
  local name=$1 line=$2 workdir=$work/$1
  mkdir -p "$workdir" "$here/$name"
  if [[ -z ${templates[$line]:-} ]]; then
    local t=$work/template-${#templates[@]}
    mkdir -p "$t"
    eval "local args=($(expand "$t" "$line"))"
    run_ks "$t" "$t" "$t/init" init "${args[@]}"
    templates[$line]=$t
  fi
  local t=${templates[$line]}
  cp -a "$t/app" "$workdir/app"
  for ext in out err rc; do sed -e "s#$t#@WORK@#g" -e "s#$spec#@SPEC@#g" "$t/init.$ext" > "$here/$name/00.$ext"; done
}

current=""; pending_init=""; step=0
wanted() { [[ ${#only[@]} -eq 0 ]] || [[ " ${only[*]} " == *" $1 "* ]]; }
while IFS= read -r line || [[ -n $line ]]; do
  [[ -z $line || $line == \#* || $line == default-init* ]] && continue
  verb=${line%% *}; rest=${line#* }
  [[ $verb == "$line" ]] && rest=""
  if [[ $verb == spec ]]; then
    if [[ -n $pending_init ]]; then finish_init "$current" "$pending_init"; fi
    current=$rest; step=0; pending_init=""
    if wanted "$current"; then rm -rf "${here:?}/$current"; pending_init=$default_init; fi
    continue
  fi
  wanted "$current" || continue
  if [[ $verb == init ]]; then pending_init=$rest; continue; fi
  if [[ -n $pending_init ]]; then finish_init "$current" "$pending_init"; pending_init=""; fi
  step=$((step + 1))
  prefix=$here/$current/$(printf '%02d' "$step")
  workdir=$work/$current
  case $verb in
    run|out|err|out~import)
      eval "args=($(expand "$workdir" "$rest"))"
      run_ks "$workdir/app" "$workdir" "$prefix" "${args[@]}" ;;
    file)
      if [[ -f $workdir/app/$rest ]]; then portable "$workdir" < "$workdir/app/$rest" > "$prefix.file"; else touch "$prefix.missing"; fi ;;
    kgen-remove) ;;  # kgen only
    *) echo "specs.txt: unknown line: $line" >&2; exit 1 ;;
  esac
done < "$here/specs.txt"
if [[ -n $pending_init ]]; then finish_init "$current" "$pending_init"; fi
