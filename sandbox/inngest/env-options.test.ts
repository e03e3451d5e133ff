import { describe, expect, it } from "vitest";
import { runnerOptionsFromEnv } from "./env-options";

describe("runnerOptionsFromEnv", () => {
  it("uses the defaults when nothing (or an empty value) is set", () => {
    for (const env of [{}, { INNGEST_RUNNER_PORT: "", INNGEST_RUNNER_APP_URL: " ", INNGEST_SIGNING_KEY: "" }]) {
      expect(runnerOptionsFromEnv(env)).toEqual({
        port: 8288, host: "127.0.0.1", appUrl: "http://127.0.0.1:3000/api/inngest", dataDir: ".data/runner", signingKey: undefined, eventKey: undefined,
      });
    }
  });

  it("reads the port, app URL, data dir and, in cloud mode, the event key", () => {
    expect(runnerOptionsFromEnv({ INNGEST_RUNNER_PORT: "9000", INNGEST_RUNNER_APP_URL: "http://127.0.0.1:4000/api/inngest", INNGEST_RUNNER_DATA_DIR: "/tmp/r", INNGEST_EVENT_KEY: "k" }))
      .toMatchObject({ port: 9000, appUrl: "http://127.0.0.1:4000/api/inngest", dataDir: "/tmp/r", eventKey: undefined });
    expect(runnerOptionsFromEnv({ INNGEST_SIGNING_KEY: "signkey-test-ab", INNGEST_EVENT_KEY: "k" })).toMatchObject({ signingKey: "signkey-test-ab", eventKey: "k" });
  });

  it.each([["0"], ["70000"], ["http"], ["80.5"]])("refuses the port %j", (port) => {
    expect(() => runnerOptionsFromEnv({ INNGEST_RUNNER_PORT: port })).toThrow(/INNGEST_RUNNER_PORT must be a port number/);
  });
});
