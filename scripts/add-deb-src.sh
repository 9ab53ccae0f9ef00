#!/usr/bin/env bash
# Makes `apt-get source PACKAGE=VERSION` possible: when apt knows no such source version,
# adds a deb-src entry for each Debian deb entry (deb822 or one-line form) and updates.
# Used by install-deps.sh (libjsonnet) and build-kubernetes.sh (kube-apiserver).
set -euo pipefail
package="$1" version="$2"
if apt-cache showsrc "$package" 2>/dev/null | grep -q "^Version: $version\$"; then exit 0; fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
deb_src=/etc/apt/sources.list.d/kgen-deb-src.sources
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] && [ "$f" != "$deb_src" ] || continue
  grep -q 'debian' "$f" && grep -q '^Types:.*\bdeb\b' "$f" || continue
  sed -e 's/^Types:.*/Types: deb-src/' "$f"
  echo
done | "${sudo_cmd[@]}" tee "$deb_src.new" >/dev/null
if [ -f /etc/apt/sources.list ]; then
  sed -n 's/^deb \(.*debian.*\)/deb-src \1/p' /etc/apt/sources.list |
    "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/kgen-deb-src.list >/dev/null
fi
"${sudo_cmd[@]}" mv "$deb_src.new" "$deb_src"
"${sudo_cmd[@]}" apt-get update -qq
