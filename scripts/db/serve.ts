import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { DEFAULT_EMBEDDED_PORT, embeddedDataDir } from "./target";

// Serves the embedded database (<DATA_DIR>/pglite) on 127.0.0.1:EMBEDDED_DB_PORT until SIGINT/SIGTERM,
// so the app, migrations, seed and tests can all connect to it as to any PostgreSQL server.

async function main(): Promise<void> {
  const dataDir = embeddedDataDir(process.env);
  const port = Number(process.env.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`EMBEDDED_DB_PORT must be a port number, got "${process.env.EMBEDDED_DB_PORT}"`);
  const server = await startEmbeddedPostgres({ dataDir, port });
  console.log(`Embedded PostgreSQL (PGlite) serving ${dataDir}`);
  console.log(`DATABASE_URL=${server.url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the embedded database`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
