import { parseArgs } from "node:util";
import type { CommandContext } from "./commands/context";
import { deploy } from "./commands/deploy";
import { dev } from "./commands/dev";
import { diff } from "./commands/diff";
import { reset } from "./commands/reset";
import { status } from "./commands/status";
import { loadProjectConfig } from "./project-config";
import { openTargetDatabase } from "./target";

// Prisma migrations without the native schema engine (see README.md in this folder).

const USAGE = `Usage: tsx scripts/db/cli.ts <command>
  deploy                  apply pending migrations (npm run db:migrate)
  dev --name <name>       create a migration from schema.prisma changes and apply it (--create-only: write only)
  status                  applied / pending migrations; exits 1 when the database is not up to date
  reset --force           drop everything, then apply all migrations
  diff [--exit-code]      print the SQL a new migration would contain (--exit-code: exit 2 when non-empty)
Database: DATABASE_URL, else the embedded database in \${DATA_DIR:-.data}/pglite
(through the server on 127.0.0.1:\${EMBEDDED_DB_PORT:-5433} when one is running).`;

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: "string", short: "n" },
      force: { type: "boolean", short: "f" },
      "create-only": { type: "boolean" },
      "exit-code": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return command || values.help ? 0 : 1;
  }
  if (!["deploy", "dev", "status", "reset", "diff"].includes(command)) {
    console.error(`Unknown command "${command}".\n${USAGE}`);
    return 1;
  }
  if (command === "dev" && !values.name) {
    console.error("dev needs a migration name: npm run db:migrate:dev -- --name add_orders");
    return 1;
  }
  if (command === "reset" && !values.force) {
    console.error("reset deletes every table and row; run it again with --force to confirm.");
    return 1;
  }
  const config = await loadProjectConfig();
  const target = await openTargetDatabase();
  const ctx: CommandContext = { url: target.url, config, log: (line) => console.log(line) };
  console.log(`Database: ${target.description}`);
  try {
    switch (command) {
      case "deploy":
        await deploy(ctx);
        return 0;
      case "dev":
        await dev(ctx, { name: values.name!, createOnly: values["create-only"] });
        return 0;
      case "status":
        return (await status(ctx)).upToDate ? 0 : 1;
      case "reset":
        await reset(ctx, { force: true });
        return 0;
      default: {
        const script = await diff(ctx);
        return values["exit-code"] && script !== null ? 2 : 0;
      }
    }
  } finally {
    await target.close();
  }
}

// The WASM engine leaves a timer running, so always exit explicitly.
run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
