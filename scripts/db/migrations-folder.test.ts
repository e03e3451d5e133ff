import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrationTimestamp } from "./commands/dev";
import { LOCKFILE_CONTENT, listMigrations, migrationNames, sanitizeName, writeMigration } from "./migrations-folder";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-migrations-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("migrations folder", () => {
  it("lists migration folders in name order with their SQL, and assumes the postgres lock before the first one", () => {
    const dir = tempDir();
    expect(listMigrations(dir).lockfile.content).toBe(LOCKFILE_CONTENT);
    writeMigration(dir, "20260102000000_second", "SELECT 2;");
    writeMigration(dir, "20260101000000_first", "SELECT 1;");
    const list = listMigrations(dir);
    expect(migrationNames(list)).toEqual(["20260101000000_first", "20260102000000_second"]);
    expect(list.migrationDirectories[0]!.migrationFile.content).toEqual({ tag: "ok", value: "SELECT 1;" });
    expect(fs.readFileSync(path.join(dir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it("refuses to write an empty migration or to overwrite one", () => {
    const dir = tempDir();
    expect(() => writeMigration(dir, "20260101000000_empty", "  \n")).toThrow(/empty/);
    expect(fs.readdirSync(dir)).toEqual([]);
    writeMigration(dir, "20260101000000_x", "SELECT 1;");
    expect(() => writeMigration(dir, "20260101000000_x", "SELECT 2;")).toThrow(/already exists/);
  });

  it("reports a migration folder without migration.sql as an error entry", () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, "20260101000000_broken"));
    expect(listMigrations(dir).migrationDirectories[0]!.migrationFile.content.tag).toBe("error");
  });

  it("sanitizes names and rejects unusable ones", () => {
    expect(sanitizeName(" Add Orders-Table ")).toBe("add_orders_table");
    expect(() => sanitizeName("!!!")).toThrow(/not a usable migration name/);
  });

  it("timestamps new migrations in UTC, always after the newest existing one", () => {
    const now = new Date("2026-03-04T05:06:07.890Z");
    expect(migrationTimestamp(now, [])).toBe("20260304050607");
    expect(migrationTimestamp(now, ["20260304050607_init"])).toBe("20260304050608");
    expect(migrationTimestamp(now, ["20270101000000_future"])).toBe("20270101000001");
  });
});
