import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProjectConfig, type ProjectConfig } from "../project-config";
import type { CommandContext } from "./context";
import { deploy } from "./deploy";
import { dev } from "./dev";
import { reset } from "./reset";
import { status } from "./status";

// Shared by commands.pglite.test.ts and commands.postgres.test.ts (separate files run in parallel):
// runs the real migrations folder and the commands against one empty database.

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
let repo: ProjectConfig;
const workspaces: string[] = [];

/** The repo's schema and a private copy of its migrations folder. */
function workspace(): ProjectConfig {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-cli-"));
  workspaces.push(root);
  const migrationsDir = path.join(root, "migrations");
  fs.cpSync(repo.migrationsDir, migrationsDir, { recursive: true });
  return { ...repo, migrationsDir };
}

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1");
    return rows.map((row) => row.tablename);
  } finally {
    await client.end();
  }
}

export function migrationSuite(name: string, open: () => Promise<{ url: string; close(): Promise<void> }>) {
  describe(name, () => {
    let db: { url: string; close(): Promise<void> };
    const lines: string[] = [];
    const ctx = (config: ProjectConfig): CommandContext => ({ url: db.url, config, log: (line) => lines.push(line) });
    beforeAll(async () => {
      repo = await loadProjectConfig(REPO_ROOT);
      db = await open();
    });
    afterAll(async () => {
      await db?.close();
      workspaces.splice(0).forEach((root) => fs.rmSync(root, { recursive: true, force: true }));
    });

    it("reports every migration pending on an empty database, applies them cleanly, then reports up to date", async () => {
      const config = workspace();
      const local = fs.readdirSync(config.migrationsDir).filter((entry) => entry !== "migration_lock.toml").sort();
      expect(local.length).toBeGreaterThan(0);

      const before = await status(ctx(config));
      expect(before).toMatchObject({ pending: local, applied: [], upToDate: false, schemaChanged: false });

      expect(await deploy(ctx(config))).toEqual(local);
      expect(await tables(db.url)).toEqual(expect.arrayContaining(["_prisma_migrations", "User", "Organization", "Membership"]));
      expect(await deploy(ctx(config))).toEqual([]);

      const after = await status(ctx(config));
      expect(after).toMatchObject({ pending: [], applied: local, upToDate: true, schemaChanged: false });
    });

    it("dev writes nothing when schema.prisma has no changes", async () => {
      const config = workspace();
      const before = fs.readdirSync(config.migrationsDir).sort();
      const result = await dev(ctx(config), { name: "nothing" });
      expect(result.created).toBeNull();
      expect(fs.readdirSync(config.migrationsDir).sort()).toEqual(before);
    });

    it("dev writes and applies a migration for a schema change; reset --force empties and re-migrates", async () => {
      const base = workspace();
      const schemaFiles = base.schemaFiles.map((file, index) =>
        index === 0 ? { ...file, content: `${file.content}\nmodel CliProbe {\n  id Int @id\n  note String\n}\n` } : file,
      );
      const config = { ...base, schemaFiles };
      expect((await status(ctx(config))).schemaChanged).toBe(true);
      const result = await dev(ctx(config), { name: "cli probe", now: new Date("2099-01-01T00:00:00Z") });
      expect(result.created).toBe("20990101000000_cli_probe");
      const sql = fs.readFileSync(path.join(config.migrationsDir, result.created!, "migration.sql"), "utf8");
      expect(sql).toContain('CREATE TABLE "CliProbe"');
      expect(result.applied).toEqual([result.created]);
      expect(await tables(db.url)).toContain("CliProbe");
      expect(await status(ctx(config))).toMatchObject({ upToDate: true, schemaChanged: false });

      await expect(reset(ctx(config), { force: false })).rejects.toThrow(/--force/);
      const client = new pg.Client(db.url);
      await client.connect();
      await client.query(`insert into "CliProbe" values (1, 'x')`);
      await client.end();
      const reapplied = await reset(ctx(config), { force: true });
      expect(reapplied).toContain("20990101000000_cli_probe");
      const check = new pg.Client(db.url);
      await check.connect();
      expect((await check.query(`select count(*)::int as n from "CliProbe"`)).rows).toEqual([{ n: 0 }]);
      await check.end();

      // Leave the shared database as the real migrations describe it for the other tests.
      await reset(ctx(workspace()), { force: true });
    });

    it("dev fails loudly and writes no file when the engine rejects the schema", async () => {
      const base = workspace();
      const before = fs.readdirSync(base.migrationsDir).sort();
      const broken = { ...base, schemaFiles: [{ path: "broken.prisma", content: "model Broken {\n  id Int @id\n  other Missing\n}\n" }] };
      await expect(dev(ctx(broken), { name: "broken" })).rejects.toThrow(/Schema engine/);
      expect(fs.readdirSync(base.migrationsDir).sort()).toEqual(before);
    });
  });
}

