import path from "node:path";
import { createSandboxServer } from "./core/server";
import { shopifyModule } from "./shopify";
import { tiktokModule } from "./tiktok";

// One process serving every platform stand-in.
const port = Number(process.env.SANDBOX_PORT ?? 4010);
const dataDir = path.resolve(process.env.SANDBOX_DATA_DIR ?? ".data/sandbox");

async function main(): Promise<void> {
  const server = await createSandboxServer({ port, host: process.env.SANDBOX_HOST ?? "127.0.0.1", dataDir, modules: [tiktokModule, shopifyModule] });
  console.log(`[sandbox] listening on ${server.url} (state in ${dataDir})`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  console.error("[sandbox] failed to start:", err);
  process.exit(1);
});
