import { listMigrations } from "../migrations-folder";
import { NO_FILTER, withEngine, type CommandContext } from "./context";

/** Applies every pending migration (`prisma migrate deploy`). Returns the names just applied. */
export async function deploy(ctx: CommandContext): Promise<string[]> {
  const migrationsList = listMigrations(ctx.config.migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    ctx.log(`No migrations in ${ctx.config.migrationsDir}; nothing to apply.`);
    return [];
  }
  const { appliedMigrationNames } = await withEngine(ctx, (engine) =>
    engine.run("applyMigrations", (e) => e.applyMigrations({ migrationsList, filters: NO_FILTER })),
  );
  if (appliedMigrationNames.length === 0) ctx.log("Database is up to date; no pending migrations.");
  for (const name of appliedMigrationNames) ctx.log(`Applied ${name}`);
  return appliedMigrationNames;
}
