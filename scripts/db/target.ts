import path from "node:path";
import {
  canConnect,
  embeddedUrl,
  readDataDirLock,
  startEmbeddedPostgres,
} from "../../lib/db/embedded-postgres";

// Which database a db command works on: DATABASE_URL when set; otherwise the embedded database
// (<DATA_DIR>/pglite), reached through the server already serving it (the demo may be running)
// or, failing that, through a server started in this process for the duration of the command.

export const DEFAULT_EMBEDDED_PORT = 5433;

export interface TargetDatabase {
  url: string;
  /** Human-readable description for log lines. */
  description: string;
  close(): Promise<void>;
}

/** Reads DATABASE_URL, DATA_DIR and EMBEDDED_DB_PORT. */
export type TargetEnv = Record<string, string | undefined>;

export function embeddedDataDir(env: TargetEnv, cwd = process.cwd()): string {
  return path.resolve(cwd, env.DATA_DIR || ".data", "pglite");
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export async function openTargetDatabase(env: TargetEnv = process.env, cwd = process.cwd()): Promise<TargetDatabase> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, description: redactUrl(env.DATABASE_URL), close: async () => {} };
  }
  const dataDir = embeddedDataDir(env, cwd);
  // Another process (npm run db:serve, the demo) may be serving the data dir, perhaps still starting.
  const deadline = Date.now() + 30_000;
  for (let running = readDataDirLock(dataDir); running; running = readDataDirLock(dataDir)) {
    if (running.url && (await canConnect(running.url))) {
      return { url: running.url, description: `embedded database served at ${running.url}`, close: async () => {} };
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const port = Number(env.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT);
  const listening = embeddedUrl("127.0.0.1", port);
  if (await canConnect(listening, 500)) {
    return { url: listening, description: `embedded database server at ${listening}`, close: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir, port: 0 });
  return {
    url: server.url,
    description: `embedded database in ${dataDir}`,
    close: () => server.close(),
  };
}
