#!/usr/bin/env bash
# `npm test`: the whole check, in the order a reviewer would ask for it. Every step runs even if an earlier one
# failed, so one run shows everything that is wrong. Ends with one line `N passed, N failed` (vitest's tests plus
# one per gate) and exits 1 if anything failed or any test was skipped / todo.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/node_modules/.bin:$PATH"
node scripts/check-node.mjs || exit 1

gates_passed=0
gates_failed=0
failed_steps=()
step() {
  local name=$1
  shift
  local t0=$SECONDS
  echo "── $name"
  if "$@"; then
    gates_passed=$((gates_passed + 1))
    echo "── $name: ok ($((SECONDS - t0)) s)"
  else
    gates_failed=$((gates_failed + 1))
    failed_steps+=("$name")
    echo "── $name: FAILED ($((SECONDS - t0)) s)"
  fi
}

step typecheck bash -c 'tsc -p tsconfig.node.json --noEmit && tsc -p tsconfig.web.json --noEmit'
step lint eslint .
step build electron-vite build

results=.vitest-results/results.json
rm -f "$results"
echo "── vitest (unit, integration, e2e; inside a private keyring session)"
t0=$SECONDS
bash scripts/with-keyring.sh vitest run --reporter=default --reporter=json --outputFile="$results"
vitest_rc=$?
echo "── vitest: exit $vitest_rc ($((SECONDS - t0)) s)"

step electronegativity node scripts/electronegativity.mjs
step electron-builder-config node scripts/validate-builder-config.mjs

# Counts from vitest's JSON. Files that failed to load count as failures; skipped/todo tests count as failures.
read -r passed failed skipped suite_errors < <(node -e '
  const fs = require("fs");
  const f = process.argv[1];
  if (!fs.existsSync(f)) { console.log("0 1 0 1"); process.exit(0); }
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  const loadErrors = (r.testResults || []).filter((s) => s.status === "failed" && (s.assertionResults || []).length === 0).length;
  console.log([r.numPassedTests, r.numFailedTests, (r.numPendingTests || 0) + (r.numTodoTests || 0), loadErrors].join(" "));
' "$results")

if [ "$skipped" -gt 0 ]; then
  echo "✗ $skipped test(s) were skipped or todo: not allowed (TEAM.md)"
  failed_steps+=("skipped tests")
fi
if [ "$suite_errors" -gt 0 ]; then
  echo "✗ $suite_errors test file(s) failed to load"
  failed_steps+=("test files failing to load")
fi
if [ "$vitest_rc" -ne 0 ] && [ "$failed" -eq 0 ] && [ "$suite_errors" -eq 0 ]; then
  echo "✗ vitest exited $vitest_rc without a failed test (crash, timeout or unhandled error)"
  failed_steps+=("vitest exit $vitest_rc")
  failed=$((failed + 1))
fi
[ "$failed" -gt 0 ] && failed_steps+=("$failed failed test(s)")

total_passed=$((passed + gates_passed))
total_failed=$((failed + skipped + suite_errors + gates_failed))
if [ "${#failed_steps[@]}" -gt 0 ]; then
  echo "FAILED: ${failed_steps[*]}"
fi
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ] && [ "${#failed_steps[@]}" -eq 0 ]
