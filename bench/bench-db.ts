import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createPrismaClient, setDbClient, type Db } from "../lib/db";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

const run = promisify(execFile);

export interface BenchDb {
  client: Db;
  url: string;
  close(): Promise<void>;
}

/** A throwaway embedded PostgreSQL in a temp dir, migrated, installed as db(). */
export async function startBenchDb(): Promise<BenchDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-bench-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pglite"), port: 0 });
  try {
    await run("npx", ["tsx", "scripts/db/cli.ts", "deploy"], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, DATABASE_URL: server.url },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const client = createPrismaClient(server.url);
  setDbClient(client);
  return {
    client,
    url: server.url,
    close: async () => {
      await client.$disconnect();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
