// `npm run runner`: the local Inngest-protocol runner for one machine (see README.md).
import { runnerOptionsFromEnv } from "./env-options";
import { startRunner } from "./runner";

async function main(): Promise<void> {
  const runner = await startRunner(runnerOptionsFromEnv(process.env));
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
