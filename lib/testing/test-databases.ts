import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded-postgres";

// One migrated database per vitest worker. PostgreSQL (DATABASE_URL set): a template database
// migrated once, copied per worker with CREATE DATABASE ... TEMPLATE. PGlite: a data directory
// migrated once, copied per worker and served on its own port. Created on first request only, so
// test runs that never touch the database pay nothing.

export const TEMPLATE_DATABASE = "ferry_test_template";
const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

async function migrate(url: string): Promise<void> {
  // Imported lazily: the WASM engine is only loaded when a test actually needs a database.
  const { loadProjectConfig } = await import("../../scripts/db/project-config");
  const { deploy } = await import("../../scripts/db/commands/deploy");
  const config = await loadProjectConfig(REPO_ROOT);
  await deploy({ url, config, log: () => {} });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestDatabases {
  mode: "postgres" | "pglite";
  /** The URL of this worker's database, created (and migrated) on first call. */
  forWorker(workerId: string): Promise<string>;
  close(): Promise<void>;
}

export function postgresTestDatabases(adminUrl: string, runId = String(process.pid)): TestDatabases {
  const created = new Map<string, Promise<string>>();
  const admin = new pg.Pool({ connectionString: adminUrl, max: 2 });
  admin.on("error", () => {});
  const q = (id: string) => `"${id.replace(/"/g, '""')}"`;
  let template: Promise<void> | undefined;
  const ensureTemplate = () =>
    (template ??= (async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${q(TEMPLATE_DATABASE)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${q(TEMPLATE_DATABASE)}`);
      await migrate(withDatabase(adminUrl, TEMPLATE_DATABASE));
    })());
  const createFromTemplate = async (name: string) => {
    // The migration pool has just been ended; its backends can take a moment to go away.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${q(name)} TEMPLATE ${q(TEMPLATE_DATABASE)}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  return {
    mode: "postgres",
    forWorker: (workerId) => {
      const existing = created.get(workerId);
      if (existing) return existing;
      const name = `ferry_test_${runId}_${workerId.replace(/\W/g, "_")}`;
      const url = (async () => {
        await ensureTemplate();
        await admin.query(`DROP DATABASE IF EXISTS ${q(name)} WITH (FORCE)`);
        await createFromTemplate(name);
        return withDatabase(adminUrl, name);
      })();
      created.set(workerId, url);
      return url;
    },
    close: async () => {
      const names = [...created.values()].map(async (url) => new URL(await url.catch(() => "postgres://x/none")).pathname.slice(1));
      for (const name of await Promise.all(names)) {
        if (name !== "none") await admin.query(`DROP DATABASE IF EXISTS ${q(name)} WITH (FORCE)`).catch(() => {});
      }
      if (template) await admin.query(`DROP DATABASE IF EXISTS ${q(TEMPLATE_DATABASE)} WITH (FORCE)`).catch(() => {});
      await admin.end();
    },
  };
}

export function pgliteTestDatabases(): TestDatabases {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-test-db-"));
  const templateDir = path.join(root, "template");
  const servers = new Map<string, Promise<EmbeddedPostgres>>();
  let template: Promise<void> | undefined;
  const ensureTemplate = () =>
    (template ??= (async () => {
      const server = await startEmbeddedPostgres({ dataDir: templateDir, port: 0 });
      try {
        await migrate(server.url);
      } finally {
        await server.close();
      }
    })());
  return {
    mode: "pglite",
    forWorker: async (workerId) => {
      let server = servers.get(workerId);
      if (!server) {
        server = (async () => {
          await ensureTemplate();
          const dataDir = path.join(root, `worker-${workerId.replace(/\W/g, "_")}`);
          fs.cpSync(templateDir, dataDir, { recursive: true });
          return startEmbeddedPostgres({ dataDir, port: 0 });
        })();
        servers.set(workerId, server);
      }
      return (await server).url;
    },
    close: async () => {
      await Promise.all([...servers.values()].map(async (server) => (await server.catch(() => undefined))?.close()));
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export function testDatabasesFromEnv(env: NodeJS.ProcessEnv = process.env, runId?: string): TestDatabases {
  return env.DATABASE_URL ? postgresTestDatabases(env.DATABASE_URL, runId) : pgliteTestDatabases();
}
