#!/usr/bin/env bash
# The server the end-to-end tests run against: the bundled data in tmp/e2e.db, one account per role, the built app.
set -euo pipefail
export CONSULT_DB=tmp/e2e.db
# A fresh database every run, so one run's review decisions do not leak into the next.
rm -f "$CONSULT_DB" "$CONSULT_DB-wal" "$CONSULT_DB-shm"
npx tsx scripts/consult.ts build-db --db "$CONSULT_DB"
# A respondent whose every field is an attack, to prove pages and downloads show it as plain text.
npx tsx scripts/consult.ts import responses tests/fixtures/hostile.csv --db "$CONSULT_DB"
npx tsx scripts/consult.ts analyse --db "$CONSULT_DB"
for role in viewer analyst admin; do
	# Test-only accounts in a throwaway database; the password is not a secret.
	echo "e2e-password-$role" | npx tsx scripts/consult.ts user add "e2e-$role" --role "$role" --db "$CONSULT_DB"
done
# As npm start serves it: the origin taken from the address the browser used (ORIGIN unset).
unset ORIGIN
exec node scripts/serve.js
