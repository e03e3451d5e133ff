#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here. `prisma generate`
# only checks that this file exists; anything that would really run it gets a clear error instead
# of a silent empty answer. Migrations run through scripts/db/cli.ts (WASM schema engine).
echo "The native Prisma schema engine is not installed; use npm run db:migrate / db:migrate:dev / db:status / db:reset (scripts/db/cli.ts)." >&2
exit 1
