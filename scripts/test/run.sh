#!/usr/bin/env bash
# npm test: system packages when missing, then lint, type check, unit/integration tests against
# real PostgreSQL and Dovecot, then end-to-end tests in Chromium against the production build.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)
step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }

step "system packages"
bash scripts/test/system-deps.sh
step "lint (biome)"
npx biome check .
step "type check"
npx next typegen >/dev/null
npx tsc --noEmit
step "production build (served by the database-restart and end-to-end tests)"
node --import ./scripts/lib/register.mjs scripts/build.ts
step "unit and integration tests (vitest)"
npx vitest run
step "end-to-end tests (playwright)"
npx playwright test
printf '\nall tests passed in %ss\n' "$(( $(date +%s) - started ))"
