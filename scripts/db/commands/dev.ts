import path from "node:path";
import { listMigrations, migrationNames, sanitizeName, writeMigration } from "../migrations-folder";
import { NO_FILTER, withEngine, type CommandContext } from "./context";
import { pendingSchemaChanges } from "./diff";

export interface DevResult {
  /** Folder name of the migration written, or null when schema.prisma had no changes. */
  created: string | null;
  applied: string[];
}

/** UTC yyyymmddhhmmss, as Prisma names migration folders; always after the newest existing one. */
export function migrationTimestamp(now: Date, existing: string[]): string {
  const stamp = (date: Date) => date.toISOString().replace(/\D/g, "").slice(0, 14);
  const newest = existing.map((name) => name.slice(0, 14)).filter((prefix) => /^\d{14}$/.test(prefix)).sort().at(-1);
  if (!newest || stamp(now) > newest) return stamp(now);
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) => Number(newest.slice(at, at + (i === 0 ? 4 : 2))));
  return stamp(new Date(Date.UTC(y!, mo! - 1, d, h, mi, s! + 1)));
}

/**
 * `prisma migrate dev --name`: apply pending migrations, write a new migration for whatever
 * schema.prisma adds to the history, apply it. Writes nothing when there is nothing to migrate,
 * and never writes a file when the engine fails.
 */
export async function dev(ctx: CommandContext, options: { name: string; createOnly?: boolean; now?: Date }): Promise<DevResult> {
  const name = sanitizeName(options.name);
  return withEngine(ctx, async (engine) => {
    let migrationsList = listMigrations(ctx.config.migrationsDir);
    const diagnosis = await engine.run("diagnoseMigrationHistory", (e) =>
      e.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER }),
    );
    const problems = [
      ...diagnosis.failedMigrationNames.map((n) => `${n} failed`),
      ...diagnosis.editedMigrationNames.map((n) => `${n} was edited after it was applied`),
    ];
    const history = diagnosis.history;
    if (history?.diagnostic === "migrationsDirectoryIsBehind" || history?.diagnostic === "historiesDiverge") {
      problems.push(`the database has migrations the folder lacks: ${history.unpersistedMigrationNames.join(", ")}`);
    }
    if (problems.length > 0) {
      throw new Error(`The database's migration history does not match ${ctx.config.migrationsDir}: ${problems.join("; ")}. On a development database, run db:reset.`);
    }
    const applied: string[] = [];
    const applyPending = async () => {
      const out = await engine.run("applyMigrations", (e) => e.applyMigrations({ migrationsList, filters: NO_FILTER }));
      for (const n of out.appliedMigrationNames) ctx.log(`Applied ${n}`);
      applied.push(...out.appliedMigrationNames);
    };
    if (migrationsList.migrationDirectories.length > 0) await applyPending();

    const script = await pendingSchemaChanges(engine, ctx.config, migrationsList);
    if (script === null) {
      ctx.log("schema.prisma matches the migrations; no migration created.");
      return { created: null, applied };
    }
    const folder = `${migrationTimestamp(options.now ?? new Date(), migrationNames(migrationsList))}_${name}`;
    const file = writeMigration(ctx.config.migrationsDir, folder, script);
    ctx.log(`Created ${path.relative(ctx.config.root, file)}`);
    if (options.createOnly) return { created: folder, applied };
    migrationsList = listMigrations(ctx.config.migrationsDir);
    await applyPending();
    return { created: folder, applied };
  });
}
