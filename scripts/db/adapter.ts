import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

// The migration tool's driver adapter: `@prisma/adapter-pg` with two fixes that only the schema
// engine needs, so the app's runtime adapter stays untouched.

const CHAR_OID = 18; // Postgres's internal one-byte "char" (pg_class.relkind, ...), which adapter-pg rejects
const TEXT_OID = 25;

interface FieldLike {
  dataTypeID: number;
}

// adapter-pg cannot map oid 18, and the engine's introspection reads catalog columns typed "char".
// The client reports them as text (so adapter-pg accepts the result) and remembers, per SQL text,
// which columns they were; queryRaw then tells the engine they are Character, as it expects.
class IntrospectionClient extends pg.Client {
  static charColumns = new Map<string, number[]>();

  // pg's query() has many overloads: pg.Pool calls the callback form, a checked-out client the promise form.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const sql: unknown = typeof args[0] === "string" ? args[0] : args[0]?.text;
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (error: unknown, value: unknown) => void;
      args[last] = (error: unknown, value: { fields?: FieldLike[] }) => {
        if (!error) markCharColumns(sql, value);
        callback(error, value);
      };
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as (...a: any[]) => any)(...args);
    if (!result || typeof result.then !== "function") return result;
    return result.then((value: { fields?: FieldLike[] }) => {
      markCharColumns(sql, value);
      return value;
    });
  }
}

function markCharColumns(sql: unknown, value: { fields?: FieldLike[] } | undefined): void {
  const chars: number[] = [];
  (value?.fields ?? []).forEach((field, index) => {
    if (field.dataTypeID !== CHAR_OID) return;
    field.dataTypeID = TEXT_OID;
    chars.push(index);
  });
  if (typeof sql !== "string") return;
  if (chars.length > 0) IntrospectionClient.charColumns.set(sql, chars);
  else IntrospectionClient.charColumns.delete(sql);
}

function reportCharColumns(adapter: SqlDriverAdapter): void {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of IntrospectionClient.charColumns.get(query.sql) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
}

function poolFor(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, Client: IntrospectionClient, max: 4 });
  pool.on("error", () => {});
  return pool;
}

// adapter-pg splits scripts on every ";" (breaking strings and function bodies that contain one);
// send the whole script as one simple-protocol query instead, as the native engine does.
function wholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      // Let adapter-pg turn the pg error into a DriverAdapterError the engine understands.
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

async function connectTo(url: string): Promise<{ adapter: SqlDriverAdapter; pool: pg.Pool }> {
  const pool = poolFor(url);
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  reportCharColumns(adapter);
  return { adapter: wholeScripts(adapter, pool), pool };
}

export interface MigrationAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Ends every pool and throwaway shadow server this factory opened (the engine never does). */
  disposeAll(): Promise<void>;
}

/**
 * An adapter factory for the WASM schema engine: the main connection goes to `url`; the shadow
 * database (used to replay migrations when diffing) is a throwaway in-memory PGlite, so no
 * CREATE DATABASE privilege is needed and PGlite (one database per server) works too.
 */
export function migrationAdapterFactory(url: string): MigrationAdapterFactory {
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter, cleanup?: () => Promise<void>) => {
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () =>
      (disposed ??= (async () => {
        open.delete(adapter);
        await dispose();
        await cleanup?.();
      })());
    open.add(adapter);
    return adapter;
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => track((await connectTo(url)).adapter),
    connectToShadowDb: async () => {
      const shadow = await startEmbeddedPostgres({ port: 0 });
      try {
        return track((await connectTo(shadow.url)).adapter, () => shadow.close());
      } catch (error) {
        await shadow.close();
        throw error;
      }
    },
    disposeAll: async () => {
      await Promise.all([...open].map((adapter) => adapter.dispose().catch(() => {})));
    },
  };
}
