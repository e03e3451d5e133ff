import type { DiagnoseMigrationHistoryOutput } from "@prisma/schema-engine-wasm";
import { listMigrations, migrationNames } from "../migrations-folder";
import { NO_FILTER, withEngine, type CommandContext } from "./context";
import { pendingSchemaChanges } from "./diff";

export interface MigrationStatus {
  local: string[];
  applied: string[];
  pending: string[];
  /** Applied in the database but missing from the migrations folder. */
  unknown: string[];
  failed: string[];
  edited: string[];
  /** schema.prisma has changes no migration describes yet (run `dev`). */
  schemaChanged: boolean;
  upToDate: boolean;
}

export function summarize(local: string[], diagnosis: DiagnoseMigrationHistoryOutput, schemaChanged: boolean): MigrationStatus {
  const history = diagnosis.history;
  let pending: string[] = [];
  let unknown: string[] = [];
  if (!diagnosis.hasMigrationsTable) pending = [...local];
  else if (history?.diagnostic === "databaseIsBehind") pending = history.unappliedMigrationNames;
  else if (history?.diagnostic === "migrationsDirectoryIsBehind") unknown = history.unpersistedMigrationNames;
  else if (history?.diagnostic === "historiesDiverge") {
    pending = history.unappliedMigrationNames;
    unknown = history.unpersistedMigrationNames;
  }
  const failed = diagnosis.failedMigrationNames;
  const applied = local.filter((name) => !pending.includes(name) && !failed.includes(name));
  const edited = diagnosis.editedMigrationNames;
  const upToDate = pending.length + unknown.length + failed.length + edited.length === 0;
  return { local, applied, pending, unknown, failed, edited, schemaChanged, upToDate };
}

/** `prisma migrate status`, plus whether schema.prisma has changes not yet in a migration. */
export async function status(ctx: CommandContext): Promise<MigrationStatus> {
  const migrationsList = listMigrations(ctx.config.migrationsDir);
  const result = await withEngine(ctx, async (engine) => {
    const diagnosis = await engine.run("diagnoseMigrationHistory", (e) =>
      e.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER }),
    );
    const changes = await pendingSchemaChanges(engine, ctx.config, migrationsList);
    return summarize(migrationNames(migrationsList), diagnosis, changes !== null);
  });
  ctx.log(`${result.local.length} migration(s) in ${ctx.config.migrationsDir}; ${result.applied.length} applied.`);
  const lists: [string, string[]][] = [
    ["Pending (run db:migrate)", result.pending],
    ["Failed (fix, then db:reset on a dev database)", result.failed],
    ["Edited after being applied", result.edited],
    ["Applied but missing from the migrations folder", result.unknown],
  ];
  for (const [title, names] of lists) if (names.length > 0) ctx.log(`${title}:\n  ${names.join("\n  ")}`);
  if (result.upToDate) ctx.log("Database schema is up to date.");
  if (result.schemaChanged) ctx.log("schema.prisma has changes that no migration describes yet: run db:migrate:dev -- --name <name>.");
  return result;
}
