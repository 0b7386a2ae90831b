#!/usr/bin/env bash
# The test suite on another Node.js major version, taken from the npm registry's `node@N`
# package (no download from elsewhere): better-sqlite3 is compiled for that version from source,
# the suite runs, and the build for the usual `node` is put back afterwards.
# Usage: scripts/test-node.sh 22 [vitest arguments…]   (npm run test:node -- 22)
set -euo pipefail
major=${1:?usage: scripts/test-node.sh MAJOR [vitest arguments]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
home=${GAPKIT_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gapkit/node}/$major
if [ ! -x "$home/node_modules/node/bin/node" ]; then
  mkdir -p "$home"
  echo "Installing node@$major from the npm registry into $home"
  npm install --prefix "$home" --no-save --no-audit --no-fund --loglevel=error "node@$major" >/dev/null
fi
bin="$home/node_modules/node/bin"
# The headers of that very version, for node-gyp (the node package ships them beside its binary).
version_h=$(find "$home/node_modules" -path '*/include/node/node_version.h' -print -quit)
[ -n "$version_h" ] || { echo "test-node: no Node $major headers under $home" >&2; exit 1; }
headers=$(dirname "$(dirname "$(dirname "$version_h")")")

addon="$root/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
saved=$(mktemp)
cp "$addon" "$saved"
trap 'cp "$saved" "$addon"; rm -f "$saved"' EXIT
echo "Compiling better-sqlite3 for Node $("$bin/node" --version)"
# Its install script tries a prebuilt binary first (unreachable here), then compiles.
(cd "$root" && PATH="$bin:$PATH" npm_config_nodedir="$headers" npm rebuild better-sqlite3 --loglevel=error >/dev/null)
echo "Test suite on Node $("$bin/node" --version)"
cd "$root"
PATH="$bin:$PATH" "$bin/node" node_modules/vitest/vitest.mjs run "$@"
