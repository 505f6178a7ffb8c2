#!/usr/bin/env bash
# Runs a command with the project's toolchain: Node 24 and pnpm, installed from the npm
# registry into the git-ignored .tools/ on first use, then the workspace's dependencies
# (pnpm install --frozen-lockfile) when the lockfile changed since the last install.
# Works on a machine that has only Node 20 and npm. Second runs skip every install.
set -euo pipefail
caller_dir="$PWD"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

node_version="24"
pnpm_version="10.34.9"
tools="$root/.tools"

if [ ! -x "$tools/node_modules/.bin/node" ] || [ ! -x "$tools/node_modules/.bin/pnpm" ] \
   || ! "$tools/node_modules/.bin/node" --version | grep -q "^v${node_version}\."; then
  echo "voxguard: installing Node ${node_version} and pnpm ${pnpm_version} into .tools/ (first run only)" >&2
  mkdir -p "$tools"
  [ -f "$tools/package.json" ] || echo '{"name":"voxguard-tools","private":true}' > "$tools/package.json"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --loglevel=error \
    "node@${node_version}" "pnpm@${pnpm_version}" >&2
fi
export PATH="$tools/node_modules/.bin:$PATH"

stamp="node_modules/.voxguard-lock-stamp"
lock_hash="$(sha256sum pnpm-lock.yaml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "voxguard: pnpm install --frozen-lockfile" >&2
  pnpm install --frozen-lockfile --reporter=append-only >&2
  echo "$lock_hash" > "$stamp"
fi

# The command runs where it was called from (paths on its command line are relative to there).
cd "$caller_dir"
exec "$@"
