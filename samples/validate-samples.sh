#!/usr/bin/env bash
# The main job until the sync engine exists: the proserv tool validates every sample payload.
#   samples/payloads/<name>.v<major>/*.json        must be valid against <name>@<major>
#   samples/payloads/<name>.v<major>/*.jsonl       one instance per line, streamed
#   samples/payloads/invalid/<name>.v<major>/*.json must be rejected, and the errors are shown
#   samples/mappings/<folder>/                      proserv map test: every fixture pair must match
# PROSERV names the command to run (default: proserv on PATH).
set -euo pipefail
cd "$(dirname "$0")/payloads"
proserv=${PROSERV:-proserv}
failures=0

$proserv schemas list
echo

for dir in */; do
  dir=${dir%/}
  [[ "$dir" =~ ^([a-z0-9-]+)\.v([0-9]+)$ ]] || continue
  schema="${BASH_REMATCH[1]}@${BASH_REMATCH[2]}"
  shopt -s nullglob
  files=("$dir"/*.json)
  lines=("$dir"/*.jsonl)
  shopt -u nullglob
  if [ ${#files[@]} -gt 0 ]; then
    echo "== $schema: ${#files[@]} sample(s) must be valid"
    $proserv validate --schema "$schema" "${files[@]}" || { echo "!! expected every $schema sample to be valid"; failures=$((failures + 1)); }
  fi
  for f in "${lines[@]}"; do
    echo "== $schema: $f streamed as JSON Lines"
    $proserv validate --schema "$schema" --jsonl --quiet "$f" && echo "$f: every line valid" \
      || { echo "!! expected every line of $f to be valid"; failures=$((failures + 1)); }
  done
done

if [ -d invalid ]; then
  for dir in invalid/*/; do
    dir=${dir%/}
    base=$(basename "$dir")
    [[ "$base" =~ ^([a-z0-9-]+)\.v([0-9]+)$ ]] || continue
    schema="${BASH_REMATCH[1]}@${BASH_REMATCH[2]}"
    for f in "$dir"/*.json; do
      echo "== $schema: $f must be rejected"
      set +e
      $proserv validate --schema "$schema" "$f"
      code=$?
      set -e
      if [ $code -ne 1 ]; then
        echo "!! expected exit code 1 (invalid) for $f, got $code"
        failures=$((failures + 1))
      fi
    done
  done
fi

# samples/mappings/<folder>/: fixture pairs for a mapping (map-test.json names it); every pair must match.
if [ -d ../mappings ]; then
  for dir in ../mappings/*/; do
    dir=${dir%/}
    echo "== mapping fixtures: $dir"
    $proserv map test "$dir" || { echo "!! expected every fixture of $dir to match"; failures=$((failures + 1)); }
  done
fi

echo
if [ $failures -ne 0 ]; then
  echo "samples: $failures unexpected result(s)"
  exit 1
fi
echo "samples: every valid sample passed and every invalid sample was rejected"
