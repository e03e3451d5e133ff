import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { createPrismaClient, setDbClient } from "../lib/db";
import type { BenchDb } from "./bench-db";

const run = promisify(execFile);

/**
 * A throwaway database on a PostgreSQL server (DATABASE_URL names the server; the role needs CREATEDB), migrated
 * and installed as db(). Production runs on PostgreSQL; the embedded PGlite serves one query at a time, which
 * is what a benchmark of many concurrent jobs would measure instead of the platform limits.
 */
export async function startServerBenchDb(serverUrl: string): Promise<BenchDb> {
  const name = `ferry_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await run("npx", ["tsx", "scripts/db/cli.ts", "deploy"], { cwd: path.resolve(import.meta.dirname, ".."), env: { ...process.env, DATABASE_URL: url.toString() }, maxBuffer: 16 * 1024 * 1024 });
  const client = createPrismaClient(url.toString());
  setDbClient(client);
  return {
    client,
    url: url.toString(),
    close: async () => {
      await client.$disconnect();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
