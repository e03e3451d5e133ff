import type { SchemaFilter } from "@prisma/schema-engine-wasm";
import { openEngine, type Engine } from "../engine";
import type { ProjectConfig } from "../project-config";

export interface CommandContext {
  /** The database to migrate. */
  url: string;
  config: ProjectConfig;
  log(line: string): void;
}

export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Runs `body` with an engine connected to the context's database, always releasing it. */
export async function withEngine<T>(ctx: CommandContext, body: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await openEngine(ctx.url, ctx.config.schemaFiles);
  try {
    return await body(engine);
  } finally {
    await engine.close();
  }
}
