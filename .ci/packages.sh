#!/usr/bin/env bash
# Packs every published package as npm would see it and checks the tarballs: publint --strict,
# arethetypeswrong (ESM-only profile), then installs them into a scratch project with pnpm and uses
# them there: the widget imported in Node (SSR), bundled by Vite into a Preact 10 SPA that renders
# it in Chromium, and the API's CLI run with npx. Needs the packages built (pnpm -r build).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
PUBLINT=publint@0.3.25
ATTW=@arethetypeswrong/cli@0.18.5
packages=(schema api widget loader react)

work="$(mktemp -d)"
trap '[ -n "${KEEP_SCRATCH:-}" ] || rm -rf "$work"' EXIT
mkdir "$work/tarballs"

for name in "${packages[@]}"; do
  [ -d "$root/packages/$name" ] || continue
  (cd "$root/packages/$name" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done
cd "$work/tarballs"
printf '%-40s %10s %10s %6s\n' tarball packed unpacked files
for tgz in *.tgz; do
  unpacked=$(tar -xzOf "$tgz" | wc -c)
  count=$(tar -tzf "$tgz" | wc -l)
  printf '%-40s %10s %10s %6s\n' "$tgz" "$(stat -c %s "$tgz")" "$unpacked" "$count"
  listing=$(tar -tzf "$tgz")
  for required in package/LICENSE package/README.md package/package.json; do
    grep -qx "$required" <<<"$listing" || { echo "[portico] $tgz lacks $required"; exit 1; }
  done
  if tar -xzOf "$tgz" package/package.json | node -e 'process.exit(JSON.stringify(JSON.parse(require("fs").readFileSync(0, "utf8")).exports ?? {}).includes("@portico/source") ? 0 : 1)'; then
    echo "[portico] $tgz still names the @portico/source condition (unshipped src/)"; exit 1
  fi
  # Every source map must carry its sources: src/ is not published.
  for map in $(grep '\.map$' <<<"$listing" || true); do
    tar -xzOf "$tgz" "$map" | node -e '
      const m = JSON.parse(require("fs").readFileSync(0, "utf8"))
      if (m.sources.length && (!m.sourcesContent || m.sourcesContent.length !== m.sources.length)) {
        console.error(`[portico] ${process.argv[1]} has no sourcesContent`); process.exit(1)
      }' "$tgz:$map"
  done
done

for tgz in *.tgz; do
  echo "-- publint --strict $tgz"
  pnpm dlx "$PUBLINT" --strict "$tgz"
  case "$tgz" in
    portico-loader-*) ;; # a classic script and static files: no module, no types to check
    *) echo "-- attw --profile esm-only $tgz"; pnpm dlx "$ATTW" --profile esm-only "$tgz" ;;
  esac
done

# A scratch project that installs the tarballs as a user would (pnpm, no workspace links).
scratch="$work/scratch"
mkdir "$scratch"
cp -r "$root/.ci/packages/spa" "$scratch/spa"
cp "$root/.ci/packages/ssr.mjs" "$root/.ci/packages/render.mjs" "$scratch/"
tgz() { ls "$work/tarballs"/portico-"$1"-*.tgz; }
cat >"$scratch/package.json" <<JSON
{
  "name": "portico-scratch",
  "private": true,
  "type": "module",
  "dependencies": {
    "@portico/api": "file:$(tgz api)",
    "@portico/schema": "file:$(tgz schema)",
    "@portico/widget": "file:$(tgz widget)",
    "@preact/signals": "^1.3.2",
    "better-sqlite3": "^12.11.1",
    "preact": "^10.26.0",
    "vite": "^7.3.8"
  },
  "pnpm": { "overrides": { "@portico/schema": "file:$(tgz schema)" } }
}
JSON
cat >"$scratch/pnpm-workspace.yaml" <<'YAML'
onlyBuiltDependencies:
  - better-sqlite3
  - esbuild
YAML
cd "$scratch"
echo "-- scratch project: pnpm install of the tarballs"
pnpm install --reporter=silent
echo "-- Node imports @portico/widget (SSR)"
node ssr.mjs
echo "-- Vite bundles it into a Preact 10 SPA"
npx vite build spa --outDir "$scratch/dist" --emptyOutDir --logLevel warn
echo "-- npx portico-api --help"
npx portico-api --help | head -n 3
npx portico-api migrate --database "$scratch/cli.sqlite"
echo "-- Chromium renders the widget in the Preact 10 SPA"
playwright="$root/examples/script-tag/node_modules/playwright-core/index.mjs"
node render.mjs "$scratch/dist" "$playwright"
echo "[portico] packages checked"
