#!/usr/bin/env bash
# Publishability check (CI runs it after the tests): packs every published package, installs the
# tarballs into a scratch project outside the repository (their dependencies come from the
# registry, as for any user), then type-checks and runs each README's runnable example there: the
# block after `<!-- runnable-example -->`. Prints one line per package; exits non-zero on the first
# failure. SODAI_PACK_KEEP=1 keeps the scratch folder for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
PACKAGES=(random sql tune tracking drift pipeline xgboost)
# The optional peers and companions the examples use (the README's install line names them too).
EXTRAS=(better-sqlite3@^12.11.1 zod@^4.6.7 kysely@^0.28.19)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/sodai-pack-check.XXXXXX")
if [ "${SODAI_PACK_KEEP:-0}" != 1 ]; then trap 'rm -rf "$scratch"' EXIT; fi
mkdir -p "$scratch/tarballs" "$scratch/project/examples"

npx tsc -b tsconfig.build.json
tarballs=()
for p in "${PACKAGES[@]}"; do
  file=$(npm pack --silent -w "packages/$p" --pack-destination "$scratch/tarballs" | tail -n 1)
  tarballs+=("$scratch/tarballs/$file")
  node scripts/readme-example.mjs "packages/$p/README.md" > "$scratch/project/examples/$p.ts"
done

cd "$scratch/project"
# Install scripts a user's project would approve: SQLite's native build and the libxgboost fetch.
cat > package.json <<'JSON'
{
  "name": "sodai-pack-check",
  "private": true,
  "type": "module",
  "allowScripts": { "better-sqlite3": true, "koffi": true, "@sodai/xgboost": true }
}
JSON
cat > tsconfig.json <<JSON
{
  "compilerOptions": {
    "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true,
    "noEmit": true, "skipLibCheck": false, "types": ["node"], "typeRoots": ["$repo/node_modules/@types"]
  },
  "include": ["examples"]
}
JSON
npm install --no-audit --no-fund --loglevel=error "${tarballs[@]}" "${EXTRAS[@]}"
echo "pack-check: installed ${#tarballs[@]} tarballs into $scratch/project"
node "$repo/node_modules/typescript/bin/tsc" -p tsconfig.json
echo "pack-check: examples type-check against the published declarations"
for p in "${PACKAGES[@]}"; do
  # tsx strips the example's annotations only; the packages themselves load as compiled JS.
  if ! out=$(node --import "$repo/node_modules/tsx/dist/esm/index.mjs" "examples/$p.ts" 2>&1); then
    echo "pack-check: @sodai/$p README example FAILED:" >&2
    echo "$out" >&2
    exit 1
  fi
  echo "pack-check: @sodai/$p ok — $(echo "$out" | tail -n 1)"
done
