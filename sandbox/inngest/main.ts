// `npm run runner`: the local Inngest-protocol runner for one machine (see README.md).
import { startRunner } from "./runner";

async function main(): Promise<void> {
  const env = process.env;
  const runner = await startRunner({
    port: Number(env.INNGEST_RUNNER_PORT ?? 8288),
    host: "127.0.0.1",
    appUrl: env.INNGEST_RUNNER_APP_URL ?? "http://127.0.0.1:3000/api/inngest",
    dataDir: env.INNGEST_RUNNER_DATA_DIR ?? ".data/runner",
    signingKey: env.INNGEST_SIGNING_KEY,
    eventKey: env.INNGEST_SIGNING_KEY ? env.INNGEST_EVENT_KEY : undefined,
  });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) process.exit(1);
      stopping = true;
      void runner.close().then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
