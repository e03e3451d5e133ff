// The app's Inngest middleware through the local runner and real SDK functions: a platform error
// thrown in a step reaches onFailure with its kind intact, and every step and run writes a log line.
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeJobFailure } from "@/lib/activity/job-failure-reason";
import { log } from "@/lib/log";
import { ShopifyApiError } from "@/lib/platforms/shopify/errors";
import { setup, type TestApp } from "../../sandbox/inngest/test-harness";
import { ClassifyStepErrors } from "./classify-step-errors";
import { LogSteps } from "./log-steps";

let t: TestApp | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await t?.close();
  t = undefined;
});

const revoked = () => new ShopifyApiError({ kind: "needsReauthorization", status: 403, message: "Shopify Admin API answered HTTP 403: access denied for shop secret-shop.myshopify.com" });

async function failOnce(middleware: Array<typeof LogSteps | typeof ClassifyStepErrors>) {
  const seen: unknown[] = [];
  t = await setup((inngest) => [
    inngest.createFunction({
      id: "touches-shopify", retries: 0, triggers: [{ event: "demo/shopify" }], middleware,
      onFailure: async ({ error }: { error: Error }) => { seen.push(error); },
    }, async ({ step }) => {
      await step.run("read-shop", () => { throw revoked(); });
    }),
  ]);
  await t.send({ name: "demo/shopify", data: { shop: "secret-shop" } });
  await t.idle();
  expect(seen).toHaveLength(1);
  return seen[0];
}

describe("ClassifyStepErrors", () => {
  it("hands a platform error to onFailure as its kind, so the reason is actionable", async () => {
    const lines = vi.spyOn(log, "error");
    const error = await failOnce([LogSteps, ClassifyStepErrors]); // as inngest/client.ts has them
    expect(describeJobFailure({ error })).toEqual({
      reason: "Shopify no longer accepts Ferry's authorization for this store",
      action: "Re-authorize the store under Connections.",
    });
    // The run and the app's log line keep the original for debugging.
    const [run] = await t!.runs("test-app-touches-shopify");
    expect(JSON.stringify(run!.error)).toContain("access denied");
    const step = lines.mock.calls.find(([msg]) => msg === "job step")?.[1];
    expect(JSON.stringify(step)).toContain("access denied");
  });

  it("without it, onFailure sees only a name and a message: the kind is lost", async () => {
    const error = await failOnce([]);
    expect(describeJobFailure({ error, reference: "run_1" })).toEqual({ reason: "an unexpected error (reference run_1)" });
  });
});

describe("LogSteps", () => {
  it("writes one line per step and per run outcome, with function, step, run id, attempt and duration", async () => {
    const info = vi.spyOn(log, "info");
    const error = vi.spyOn(log, "error");
    t = await setup((inngest) => [
      inngest.createFunction({ id: "logged", retries: 0, triggers: [{ event: "demo/logged" }], middleware: [LogSteps] }, async ({ step }) => {
        await step.run("first", () => 1);
        await step.sendEvent("tell", { name: "demo/told", data: {} });
        await step.run("second", () => { throw new Error("boom"); });
      }),
    ]);
    await t.send({ name: "demo/logged", data: { accessToken: "shh" } });
    await t.idle();
    const [run] = await t.runs("test-app-logged");
    const steps = info.mock.calls.filter(([msg]) => msg === "job step").map(([, fields]) => fields);
    expect(steps).toEqual([
      expect.objectContaining({ fn: "test-app-logged", step: "first", stepType: "run", runId: run!.id, attempt: 0, outcome: "completed", ms: expect.any(Number) }),
      expect.objectContaining({ step: "tell", stepType: "sendEvent", outcome: "completed" }),
    ]);
    const failed = error.mock.calls.map(([msg, fields]) => ({ msg, ...fields }));
    expect(failed).toEqual([
      expect.objectContaining({ msg: "job step", step: "second", outcome: "failed", error: "boom", runId: run!.id }),
      expect.objectContaining({ msg: "job run", outcome: "failed", error: "boom" }),
    ]);
    // Event data (which could hold anything) is never part of a line.
    expect(JSON.stringify([...info.mock.calls, ...error.mock.calls])).not.toContain("shh");
  });
});
