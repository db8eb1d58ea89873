#!/usr/bin/env bash
# After `npm run build`: the server runs the compiled JavaScript with no TypeScript loader. Starts
# `sodai serve` from dist on a scratch data folder, waits for /health, then fails if the server
# resolved its sources or started any child process (tsx would start an esbuild service).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f apps/sodai/dist/cli/main.js ] || { echo "serve-compiled-check: run npm run build first" >&2; exit 1; }
data=$(mktemp -d "${TMPDIR:-/tmp}/sodai-serve-check.XXXXXX")
port=${SODAI_CHECK_PORT:-18931}
# A plain environment: no source condition inherited from the caller.
env -u NODE_OPTIONS SODAI_DATA_DIR="$data" SODAI_PORT="$port" node apps/sodai/bin/sodai.js serve >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$data/serve.log" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "serve-compiled-check: no /health" >&2; exit 1; }
children=$(ps -o pid=,args= --ppid "$pid" || true)
if [ -n "$children" ]; then
  echo "serve-compiled-check: the server started child processes: $children" >&2
  exit 1
fi
if grep -q 'sodai: not built' "$data/serve.log"; then
  echo "serve-compiled-check: the bin fell back to the sources" >&2
  exit 1
fi
echo "serve-compiled-check: dist serves /health on :$port with no loader and no child process"
