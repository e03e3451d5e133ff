import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI insists on a schema-engine binary it cannot download here; `generate` only checks that the
// file exists. The stub answers every request with a clear error (migrations go through scripts/db).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts/db/schema-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://embedded@127.0.0.1:5433/ferry" },
});
