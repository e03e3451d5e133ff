import type { MigrationList } from "@prisma/schema-engine-wasm";
import type { Engine } from "../engine";
import { listMigrations } from "../migrations-folder";
import type { ProjectConfig } from "../project-config";
import { NO_FILTER, withEngine, type CommandContext } from "./context";

/**
 * The SQL that would bring the migration history up to the schema: the engine replays every
 * migration into a throwaway PGlite (the shadow database) and diffs it against schema.prisma.
 * Returns null when the migrations already describe the schema.
 */
export async function pendingSchemaChanges(engine: Engine, config: ProjectConfig, list?: MigrationList): Promise<string | null> {
  const migrationsList = list ?? listMigrations(config.migrationsDir);
  const result = await engine.run("diff", (e) =>
    e.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: config.schemaFiles },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    }),
  );
  // exitCode 2 = non-empty diff (the --exit-code convention); 0 = nothing to do.
  if (result.exitCode === 0) return null;
  const script = result.stdout ?? "";
  if (result.exitCode !== 2 || !script.trim() || /^-- This is an empty migration\.\s*$/.test(script)) {
    throw new Error(`The schema engine reported changes but returned no usable SQL (exit code ${result.exitCode}).`);
  }
  return script;
}

/** Prints the SQL that `dev` would write; null when there is nothing to migrate. */
export async function diff(ctx: CommandContext): Promise<string | null> {
  const script = await withEngine(ctx, (engine) => pendingSchemaChanges(engine, ctx.config));
  ctx.log(script ?? "-- schema.prisma matches the migrations: no changes.");
  return script;
}
