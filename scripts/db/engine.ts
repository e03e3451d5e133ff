import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { migrationAdapterFactory } from "./adapter";

// The Prisma schema engine compiled to WebAssembly, driven through a driver adapter: migrations
// without the native engine binary (which cannot be downloaded here).

type BgModule = typeof import("@prisma/schema-engine-wasm") & { __wbg_set_wasm(exports: unknown): void };

let loading: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

// The package's entry imports the .wasm as an ES module, which Node only allows behind an
// experimental flag: instantiate it by hand against the generated JS glue instead.
function loadWasm(): Promise<typeof import("@prisma/schema-engine-wasm")> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(pathToFileURL(gluePath).href)) as BgModule;
    const bytes = fs.readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    // The engine arms a 10 s timer it never clears, which keeps a finished process (or vitest) alive:
    // hand it unref'd timers. (The CLI still exits explicitly.)
    const imports: Record<string, unknown> = { ...glue };
    for (const key of Object.keys(imports).filter((name) => name.startsWith("__wbg_setTimeout_"))) {
      imports[key] = (callback: () => void, ms: number) => {
        const timer = setTimeout(callback, ms);
        timer.unref();
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports as never });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return glue;
  })();
  return loading;
}

export interface SchemaFile {
  path: string;
  content: string;
}

export interface Engine {
  engine: SchemaEngine;
  /** Run one engine command with readable errors (the engine's own errors are terse objects). */
  run<T>(command: string, call: (engine: SchemaEngine) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class EngineError extends Error {
  constructor(command: string, cause: unknown) {
    super(`Schema engine ${command} failed: ${describe(cause)}`, { cause });
    this.name = "EngineError";
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const parts = [typeof code === "string" ? `${code} ${error.message}` : error.message];
  const meta = (error as { meta?: unknown }).meta;
  if (meta) parts.push(JSON.stringify(meta));
  return parts.join(" ");
}

export async function openEngine(url: string, schemaFiles: SchemaFile[]): Promise<Engine> {
  const wasm = await loadWasm();
  const adapters = migrationAdapterFactory(url);
  const factory = bindMigrationAwareSqlAdapterFactory(adapters);
  const log = process.env.DEBUG_SCHEMA_ENGINE ? (line: string) => console.error(line) : () => {};
  let engine: SchemaEngine;
  try {
    engine = await wasm.SchemaEngine.new(
      { datamodels: schemaFiles.length > 0 ? schemaFiles.map((file) => [file.path, file.content]) : undefined },
      log,
      factory,
    );
  } catch (error) {
    await adapters.disposeAll();
    throw new EngineError("start", error);
  }
  return {
    engine,
    run: async (command, call) => {
      try {
        return await call(engine);
      } catch (error) {
        throw new EngineError(command, error);
      }
    },
    // The engine keeps a timer running after free(); CLIs must still exit explicitly.
    close: async () => {
      engine.free();
      await adapters.disposeAll();
    },
  };
}
