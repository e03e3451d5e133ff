import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { DataDirInUseError, lockFilePath, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

const open: EmbeddedPostgres[] = [];
const roots: string[] = [];
const tempRoot = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-embedded-"));
  roots.push(root);
  return root;
};
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

async function start(dataDir?: string) {
  const server = await startEmbeddedPostgres({ dataDir, port: 0 });
  open.push(server);
  return server;
}

async function query(url: string, sql: string) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  it("serves a data directory (creating its parent folders) over the wire protocol, and keeps data across restarts", async () => {
    const dataDir = path.join(tempRoot(), "nested", "deeper", "pglite");
    const first = await start(dataDir);
    expect(first.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/ferry$/);
    expect(first.port).toBeGreaterThan(0);
    await query(first.url, "create table kept (id int); insert into kept values (7)");
    await first.close();
    expect(fs.existsSync(lockFilePath(dataDir))).toBe(false);

    const second = await start(dataDir);
    expect(await query(second.url, "select id from kept")).toEqual([{ id: 7 }]);
  });

  it("refuses a second server on a data directory that is already served", async () => {
    const dataDir = path.join(tempRoot(), "pglite");
    const first = await start(dataDir);
    const second = startEmbeddedPostgres({ dataDir, port: 0 });
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toThrow(first.url);
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dataDir = path.join(tempRoot(), "pglite");
    fs.writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid: 2 ** 22 + 12345, url: "postgresql://gone" }));
    const server = await start(dataDir);
    expect(await query(server.url, "select 1 as one")).toEqual([{ one: 1 }]);
  });

  it("serves concurrent connections and keeps an open transaction to its own connection", async () => {
    const server = await start();
    const a = new pg.Client(server.url);
    const b = new pg.Client(server.url);
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query("create table t (n int)");
      await a.query("begin");
      await a.query("insert into t values (1)");
      const seenByB = b.query("select count(*)::int as n from t");
      await a.query("rollback");
      expect((await seenByB).rows).toEqual([{ n: 0 }]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });
});
