import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";

// PGlite served over the Postgres wire protocol, so the app, migrations, seed and tests all reach it
// through `pg` / `@prisma/adapter-pg` exactly as they reach a real PostgreSQL server.

export interface EmbeddedPostgresOptions {
  /** PGlite data directory; omitted = in memory (throwaway). */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** How long to wait for the first successful `select 1` (a new data dir takes a few seconds). */
  readyTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  url: string;
  host: string;
  port: number;
  dataDir: string | undefined;
  close(): Promise<void>;
}

// PGlite serves a single database under any name; this is the name every URL uses.
export const EMBEDDED_DATABASE = "ferry";
const EMBEDDED_USER = "postgres";

export function embeddedUrl(host: string, port: number): string {
  return `postgresql://${EMBEDDED_USER}@${host}:${port}/${EMBEDDED_DATABASE}`;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly url: string | undefined,
  ) {
    super(
      `The embedded database at ${dataDir} is already being served by process ${pid}` +
        (url ? ` at ${url}` : "") +
        `. Stop that process, or connect to it instead of starting a second server on the same data directory.`,
    );
    this.name = "DataDirInUseError";
  }
}

interface LockInfo {
  pid: number;
  url?: string;
}

export function lockFilePath(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server currently holding the data directory, if its process is still alive. */
export function readDataDirLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(lockFilePath(dataDir), "utf8")) as LockInfo;
    if (typeof info.pid === "number" && isAlive(info.pid)) return info;
  } catch {
    // no lock, or unreadable: treat as free
  }
  return undefined;
}

// PGlite has no lock of its own: two processes on one data dir would corrupt it, so we keep a
// lock file beside the directory (a stale one, left by a killed process, is taken over).
function acquireLock(dataDir: string): () => void {
  const file = lockFilePath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid }), { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readDataDirLock(dataDir);
      if (holder) throw new DataDirInUseError(dataDir, holder.pid, holder.url);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

export async function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** True when something at `url` answers `select 1` as a Postgres server. */
export async function canConnect(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(url, 2_000))) {
    if (Date.now() > deadline) throw new Error(`The embedded database at ${url} did not become ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const dataDir = options.dataDir === undefined ? undefined : path.resolve(options.dataDir);
  let releaseLock = () => {};
  if (dataDir) {
    // PGlite creates only the last folder of its data path.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    releaseLock = acquireLock(dataDir);
  }
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    const port = options.port === 0 ? await freePort(host) : options.port;
    server = new PGLiteSocketServer({ db, host, port, maxConnections: 50 });
    await server.start().catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        throw new Error(`Port ${port} on ${host} is already in use; choose another port for the embedded database.`);
      }
      throw error;
    });
    const url = embeddedUrl(host, port);
    if (dataDir) fs.writeFileSync(lockFilePath(dataDir), JSON.stringify({ pid: process.pid, url }));
    await waitReady(url, options.readyTimeoutMs ?? 30_000);
    let closing: Promise<void> | undefined;
    const openServer = server;
    const openDb = db;
    return {
      url,
      host,
      port,
      dataDir,
      close: () =>
        (closing ??= (async () => {
          await openServer.stop();
          await openDb.close();
          releaseLock();
        })()),
    };
  } catch (error) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    releaseLock();
    throw error;
  }
}
