// The runner's settings from the environment (`npm run runner`). An empty variable counts as unset.
import type { RunnerOptions } from "./runner";

export function runnerOptionsFromEnv(env: Record<string, string | undefined>): RunnerOptions {
  const value = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const rawPort = value("INNGEST_RUNNER_PORT");
  const port = rawPort === undefined ? 8288 : Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`INNGEST_RUNNER_PORT must be a port number (1-65535), not "${rawPort}"`);
  const signingKey = value("INNGEST_SIGNING_KEY");
  return {
    port,
    host: "127.0.0.1",
    appUrl: value("INNGEST_RUNNER_APP_URL") ?? "http://127.0.0.1:3000/api/inngest",
    dataDir: value("INNGEST_RUNNER_DATA_DIR") ?? ".data/runner",
    signingKey,
    // The event key is checked in cloud mode only, as Inngest's dev server does not check it.
    eventKey: signingKey ? value("INNGEST_EVENT_KEY") : undefined,
  };
}
