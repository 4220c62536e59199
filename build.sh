#!/usr/bin/env bash
# One entry point for developers and CI.
#   ./build.sh test    build warning-free, run every test, check the schemas with Ajv, pack every package and prove
#                      it installs into a fresh consumer
#   ./build.sh demo    the main job: the proserv tool validates the sample payloads in samples/payloads
#   ./build.sh bench   run the BenchmarkDotNet suites (slow; results in BenchmarkDotNet.Artifacts/)
# Needs only the .NET SDK pinned in global.json; packages come from the NuGet source configured on the machine.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=Release
artifacts="$PWD/artifacts"

build() {
  dotnet build ProServ.Integration.sln -c "$configuration" -warnaserror -nologo -v minimal
}

run_tests() {
  rm -rf "$artifacts/test-results"
  local status=0
  dotnet test ProServ.Integration.sln -c "$configuration" --no-build -nologo \
    --logger "trx" --logger "console;verbosity=minimal" \
    --results-directory "$artifacts/test-results" || status=$?
  if [ -d "$artifacts/conformance" ]; then
    echo
    echo "JSON Schema Test Suite conformance:"
    cat "$artifacts/conformance/"*.txt | grep -E 'passed' || true
  fi
  summarize_trx
  return $status
}

# Sums the TRX files into one closing line: 'tests: N passed, M failed, K skipped'.
summarize_trx() {
  local passed=0 failed=0 skipped=0 f p fl sk
  for f in "$artifacts"/test-results/*.trx; do
    [ -f "$f" ] || continue
    p=$(grep -o '<Counters [^>]*' "$f" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    fl=$(grep -o '<Counters [^>]*' "$f" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    sk=$(grep -o '<Counters [^>]*' "$f" | grep -o ' notExecuted="[0-9]*"' | grep -o '[0-9]*' || echo 0)
    passed=$((passed + p)); failed=$((failed + fl)); skipped=$((skipped + sk))
  done
  echo
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  if [ "$skipped" -ne 0 ]; then
    echo "error: $skipped skipped test(s); a skipped test counts as a failure here" >&2
    return 1
  fi
  if [ "$passed" -eq 0 ]; then
    echo "error: no test ran" >&2
    return 1
  fi
}

# A second, independent JSON Schema 2020-12 implementation (Ajv) must load our schemas and agree with our validator
# on every sample. Needs Node.js and npm (on this project's machines); where they are missing the check says so and
# is not counted, because the SDK itself never needs Node.
interop_check() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "interop: Node.js/npm not found; the Ajv interop check did not run"
    return 0
  fi
  (cd eng/interop && npm ci --no-audit --no-fund --loglevel=error && node ajv-check.mjs)
}

pack_and_consume() {
  rm -rf "$artifacts/packages"
  dotnet pack ProServ.Integration.sln -c "$configuration" --no-build -nologo -v minimal -o "$artifacts/packages"
  eng/consume-packages.sh "$artifacts/packages"
}

case "${1:-test}" in
  test)
    eng/ensure-postgres.sh
    build
    run_tests
    interop_check
    pack_and_consume
    ;;
  demo)
    dotnet build src/ProServ.Integration.Cli -c "$configuration" -nologo -v quiet -clp:NoSummary >/dev/null
    PROSERV="dotnet $PWD/src/ProServ.Integration.Cli/bin/$configuration/net10.0/proserv.dll" samples/validate-samples.sh
    ;;
  bench)
    shift
    dotnet run -c Release --project benchmarks/ProServ.Integration.Benchmarks -- "${@:---filter *}"
    ;;
  *)
    echo "usage: ./build.sh [test|demo|bench]" >&2
    exit 2
    ;;
esac
