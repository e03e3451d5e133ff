import { listMigrations } from "../migrations-folder";
import { NO_FILTER, withEngine, type CommandContext } from "./context";

/** Drops everything in the database, then applies every migration. Returns the names applied. */
export async function reset(ctx: CommandContext, options: { force: boolean }): Promise<string[]> {
  if (!options.force) throw new Error("reset deletes every table and row in the database; pass --force to confirm.");
  const migrationsList = listMigrations(ctx.config.migrationsDir);
  return withEngine(ctx, async (engine) => {
    await engine.run("reset", (e) => e.reset({ filter: NO_FILTER }));
    ctx.log("Database reset.");
    if (migrationsList.migrationDirectories.length === 0) return [];
    const { appliedMigrationNames } = await engine.run("applyMigrations", (e) =>
      e.applyMigrations({ migrationsList, filters: NO_FILTER }),
    );
    for (const name of appliedMigrationNames) ctx.log(`Applied ${name}`);
    return appliedMigrationNames;
  });
}
