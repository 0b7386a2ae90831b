#!/usr/bin/env bash
# The test suite on another Node.js major version, taken from the npm registry's `node@N`
# package (no download from elsewhere). Nothing is compiled for it: on Node 22 and 24 Gapkit
# loads better-sqlite3 13, a Node-API build that ships its binaries (server/db/sqlite/driver.ts).
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
echo "Test suite on Node $("$bin/node" --version)"
cd "$root"
PATH="$bin:$PATH" "$bin/node" node_modules/vitest/vitest.mjs run "$@"
