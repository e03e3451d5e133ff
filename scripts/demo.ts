import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded-postgres";
import { startRunner, type Runner } from "../sandbox/inngest/runner";
import { createSandboxServer, type SandboxServer } from "../sandbox/core/server";
import { shopifyModule } from "../sandbox/shopify";
import { tiktokModule } from "../sandbox/tiktok";
import { env } from "../lib/env";
import { DEMO_USER } from "../prisma/seed";
import { seedSandboxDemo } from "../sandbox/demo-seed";
import { buildIfNeeded } from "./lib/build-if-needed";
import { sandboxAppRegistrations, sandboxPlatformEnv } from "./lib/sandbox-platforms";
import { loadOrCreateSecrets } from "./lib/secrets";
import { runStep, startService, stopAll, waitForHttp } from "./lib/processes";

// `npm run demo`: the whole app on one machine with embedded defaults. `--dev` runs `next dev`.
const root = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");

async function main() {
  const config = env();
  const dataDir = path.resolve(root, config.DATA_DIR);
  const secrets = loadOrCreateSecrets(dataDir);

  let database: EmbeddedPostgres | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pglite"), port: config.EMBEDDED_DB_PORT });
    databaseUrl = database.url;
    console.log(`Embedded PostgreSQL (PGlite) on ${database.url}, data in ${path.join(dataDir, "pglite")}`);
  }

  // The platform sandbox (TikTok Shop and Shopify stand-ins) and the local Inngest runner, in process.
  const sandbox: SandboxServer = await createSandboxServer({
    port: config.SANDBOX_PORT,
    dataDir: path.join(dataDir, "sandbox"),
    modules: [tiktokModule, shopifyModule],
  });
  console.log(`Platform sandbox on ${sandbox.url}`);
  // INNGEST_DEV set means another dev server (for example `npx inngest-cli dev`) runs the jobs.
  const runner: Runner | undefined = config.INNGEST_DEV
    ? undefined
    : await startRunner({
        port: config.INNGEST_RUNNER_PORT,
        appUrl: `${config.APP_URL}/api/inngest`,
        dataDir: path.join(dataDir, "runner"),
        log: (line) => process.stdout.write(`[runner] ${JSON.stringify(line)}\n`),
      });
  const jobsUrl = config.INNGEST_DEV ?? runner!.url;
  console.log(runner ? `Inngest runner on ${runner.url}` : `Jobs run on the Inngest dev server at ${jobsUrl}`);

  // Platforms: the sandbox, unless real credentials are configured for a platform.
  const sandboxCredentials = {
    TIKTOK_APP_KEY: "ferry-demo-tiktok",
    TIKTOK_APP_SECRET: secrets.SANDBOX_TIKTOK_APP_SECRET,
    SHOPIFY_CLIENT_ID: "ferry-demo-shopify",
    SHOPIFY_CLIENT_SECRET: secrets.SANDBOX_SHOPIFY_CLIENT_SECRET,
  };
  const platformEnv = Object.fromEntries(
    Object.entries(sandboxPlatformEnv(sandbox.url, sandboxCredentials)).filter(([name]) =>
      name.startsWith("TIKTOK") ? !config.TIKTOK_APP_KEY : !config.SHOPIFY_CLIENT_ID,
    ),
  );
  const summary = await seedSandboxDemo({ sandboxUrl: sandbox.url, ...sandboxAppRegistrations(config.APP_URL, sandboxCredentials) });
  console.log(`Sandbox stores: ${summary.shopifyDomain} (Shopify); ${summary.tiktokShops.map((s) => s.name).join(", ")} (TikTok Shop)`);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET,
    TOKEN_ENCRYPTION_KEY: secrets.TOKEN_ENCRYPTION_KEY,
    ...platformEnv,
    DATABASE_URL: databaseUrl,
    ...(database ? { DATABASE_POOL_MAX: "1" } : {}),
    APP_URL: config.APP_URL,
    NEXTAUTH_URL: config.APP_URL,
    NEXT_TELEMETRY_DISABLED: "1",
    INNGEST_DEV: jobsUrl,
  };
  const tsx = [require.resolve("tsx/cli")];
  await runStep("Migrations", process.execPath, [...tsx, path.join(root, "scripts/db/cli.ts"), "deploy"], childEnv);
  await runStep("Seed", process.execPath, [...tsx, path.join(root, "prisma/seed.ts")], childEnv);

  if (!dev) await buildIfNeeded(root, childEnv);
  const next = require.resolve("next/dist/bin/next");
  const app = startService("app", process.execPath, [next, dev ? "dev" : "start", "-H", "127.0.0.1", "-p", String(config.PORT)], {
    ...childEnv,
    NODE_ENV: dev ? "development" : "production",
  });
  await waitForHttp(`${config.APP_URL}/api/health`, 120_000, app);
  await runner?.sync().catch((error: unknown) => console.warn(`Runner sync will be retried: ${String(error)}`));

  console.log(`
  Ferry is running at ${config.APP_URL}
  Platform sandbox:   ${sandbox.url}   Jobs: ${jobsUrl}
  Sign in as ${DEMO_USER.email} / ${DEMO_USER.password}
  Connect the sandbox stores under Connections: Shopify domain ${summary.shopifyDomain}
  Press Ctrl+C to stop.
`);

  let stopping = false;
  const shutdown = async () => {
    // Ctrl+C reaches the whole process group, so the app may exit before this runs: that is no failure.
    if (stopping) return;
    stopping = true;
    await stopAll();
    await runner?.close();
    await sandbox.close();
    await database?.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  app.on("exit", (code, signal) => {
    if (stopping || signal === "SIGINT" || signal === "SIGTERM") return void shutdown();
    console.error(`The app exited (code ${code}).`);
    void database?.close().finally(() => process.exit(code ?? 1));
  });
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});
