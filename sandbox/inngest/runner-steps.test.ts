// Execution behaviours driven through real SDK functions: steps, retries, failures, onFailure,
// parallel steps, invoke, sendEvent, dedupe.
import { afterEach, describe, expect, it } from "vitest";
import { NonRetriableError, RetryAfterError } from "inngest";
import { setup, type TestApp } from "./test-harness";

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the invoke loop", () => {
  it("runs steps in order and records outputs, timings and one log line per step", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "two", triggers: [{ event: "demo/go" }] }, async ({ event, step }) => {
        const a = await step.run("a", () => (event.data as { n: number }).n + 1);
        const b = await step.run("b", () => a * 2);
        return { b };
      }),
    ]);
    await t.send({ name: "demo/go", data: { n: 1 } });
    await t.idle();
    const [run] = await t.runs("two");
    expect(run).toMatchObject({ functionId: "test-app-two", status: "Completed", output: { b: 4 }, attempts: 1 });
    expect(run!.steps.map((s) => [s.name, s.status, s.output])).toEqual([["a", "Completed", 2], ["b", "Completed", 4]]);
    expect(run!.startedAt && run!.endedAt).toBeTruthy();
    expect(t.logs.filter((l) => l.msg === "step" && l.run === run!.id).map((l) => l.step ?? l.op)).toEqual(["a", "b", "RunComplete"]);
  });

  it("retries a failing step with exponential backoff and then succeeds", async () => {
    let calls = 0;
    t = await setup((inngest) => [
      inngest.createFunction({ id: "flaky", triggers: [{ event: "demo/flaky" }] }, async ({ step }) =>
        step.run("sometimes", () => {
          calls++;
          if (calls < 3) throw new Error(`boom ${calls}`);
          return "ok";
        })),
    ]);
    const started = Date.now();
    await t.send({ name: "demo/flaky" });
    await t.idle();
    const [run] = await t.runs("flaky");
    expect(run).toMatchObject({ status: "Completed", output: "ok", attempts: 3 });
    expect(run!.steps[0]).toMatchObject({ status: "Completed", attempts: 3 });
    const retries = t.logs.filter((l) => l.status === "Retrying").map((l) => l.retryInMs);
    expect(retries).toEqual([20, 40]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
  });

  it("retries an error thrown outside any step (HTTP 500) and honours retry-after", async () => {
    let calls = 0;
    t = await setup((inngest) => [
      inngest.createFunction({ id: "outer", triggers: [{ event: "demo/outer" }] }, async () => {
        calls++;
        if (calls === 1) throw new Error("not yet");
        if (calls === 2) throw new RetryAfterError("later", new Date(Date.now() + 300));
        return calls;
      }),
    ]);
    const started = Date.now();
    await t.send({ name: "demo/outer" });
    await t.idle();
    const [run] = await t.runs("outer");
    expect(run).toMatchObject({ status: "Completed", output: 3, attempts: 3 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("fails permanently after the function's retries and runs onFailure with the error", async () => {
    let calls = 0;
    t = await setup((inngest) => [
      inngest.createFunction({
        id: "doomed", retries: 1, triggers: [{ event: "demo/doomed" }],
        onFailure: async ({ error, event }: { error: Error; event: { data: { event: { data: unknown } } } }) => ({ reason: error.message, original: event.data.event.data }),
      }, async ({ step }) => step.run("never", () => { calls++; throw new Error("store disconnected"); })),
    ]);
    await t.send({ name: "demo/doomed", data: { shop: "s1" } });
    await t.idle();
    const [run] = await t.runs("test-app-doomed");
    expect(run).toMatchObject({ status: "Failed", attempts: 2 });
    expect(run!.error?.message).toContain("store disconnected");
    expect(calls).toBe(2);
    const [failure] = await t.runs("test-app-doomed-failure");
    expect(failure).toMatchObject({ status: "Completed", event: { name: "inngest/function.failed" } });
    expect(failure!.output).toMatchObject({ original: { shop: "s1" } });
    expect(String((failure!.output as { reason: string }).reason)).toContain("store disconnected");
  });

  it("does not retry a NonRetriableError (400 + x-inngest-no-retry)", async () => {
    let calls = 0;
    t = await setup((inngest) => [
      inngest.createFunction({ id: "final", triggers: [{ event: "demo/final" }] }, async () => {
        calls++;
        throw new NonRetriableError("token revoked");
      }),
    ]);
    await t.send({ name: "demo/final" });
    await t.idle();
    const [run] = await t.runs("final");
    expect(run).toMatchObject({ status: "Failed", attempts: 1, error: { message: "token revoked" } });
    expect(calls).toBe(1);
  });

  it("runs parallel steps (StepPlanned) concurrently and resumes after all of them", async () => {
    // A barrier instead of timing: each step waits until all three have started, which happens
    // only if they run at once (one after another, each gives up after 5 s and they do not overlap).
    let started = 0;
    let allStarted!: () => void;
    const barrier = new Promise<void>((r) => { allStarted = r; });
    t = await setup((inngest) => [
      inngest.createFunction({ id: "fan", triggers: [{ event: "demo/fan" }] }, async ({ step }) => {
        const spans = await Promise.all(["p1", "p2", "p3"].map((id) => step.run(id, async () => {
          const start = Date.now();
          if (++started === 3) allStarted();
          await Promise.race([barrier, delay(5_000)]);
          return { id, start, end: Date.now() };
        })));
        return step.run("after", () => spans);
      }),
    ]);
    await t.send({ name: "demo/fan" });
    await t.idle();
    const [run] = await t.runs("fan");
    const spans = run!.output as Array<{ id: string; start: number; end: number }>;
    expect(run!.status).toBe("Completed");
    expect(spans.map((s) => s.id)).toEqual(["p1", "p2", "p3"]);
    expect(Math.max(...spans.map((s) => s.start))).toBeLessThanOrEqual(Math.min(...spans.map((s) => s.end)));
  });

  it("invokes another function and sends events through the event API", async () => {
    t = await setup((inngest) => {
      const child = inngest.createFunction({ id: "child", triggers: [{ event: "demo/child-unused" }] }, async ({ event }) => ({ doubled: (event.data as { x: number }).x * 2 }));
      const listener = inngest.createFunction({ id: "listener", triggers: [{ event: "demo/announced" }] }, async ({ event }) => event.data);
      const parent = inngest.createFunction({ id: "parent", triggers: [{ event: "demo/parent" }] }, async ({ step }) => {
        const res = await step.invoke("call-child", { function: child, data: { x: 21 } });
        await step.sendEvent("announce", { name: "demo/announced", data: { doubled: res.doubled } });
        return res;
      });
      return [child, listener, parent];
    });
    await t.send({ name: "demo/parent" });
    await t.idle();
    const [parent] = await t.runs("parent");
    expect(parent).toMatchObject({ status: "Completed", output: { doubled: 42 } });
    const [child] = await t.runs("child");
    expect(child).toMatchObject({ status: "Completed", event: { name: "inngest/function.invoked" } });
    const [listener] = await t.runs("listener");
    expect(listener).toMatchObject({ status: "Completed", output: { doubled: 42 } });
  });

  it("honours retry-after on a step error (206 StepError)", async () => {
    let calls = 0;
    t = await setup((inngest) => [
      inngest.createFunction({ id: "step-later", triggers: [{ event: "demo/sl" }] }, async ({ step }) => step.run("rate-limited", () => {
        calls++;
        if (calls === 1) throw new RetryAfterError("slow down", new Date(Date.now() + 400));
        return calls;
      })),
    ]);
    await t.send({ name: "demo/sl" });
    await t.idle();
    const [run] = await t.runs("step-later");
    expect(run).toMatchObject({ status: "Completed", output: 2 });
    // The hint, not the 20 ms backoff, decides the wait.
    const retry = t.logs.find((l) => l.op === "StepError" && l.status === "Retrying");
    expect(retry?.retryInMs as number).toBeGreaterThanOrEqual(300);
  });

  it("forgets an event id after 24 hours, as Inngest does", async () => {
    t = await setup((inngest) => [inngest.createFunction({ id: "daily", triggers: [{ event: "report/due" }] }, async ({ event }) => event.id)]);
    await t.send({ name: "report/due", id: "report-1" });
    await t.idle();
    t.runner.engine.state.seenEvents["report-1"] = Date.now() - 24 * 3_600_000 - 1000;
    await t.send({ name: "report/due", id: "report-1" });
    await t.idle();
    expect((await t.runs("daily")).map((r) => r.output)).toEqual(["report-1", "report-1"]);
  });

  it("deduplicates events by id and filters triggers with if expressions", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "big", triggers: [{ event: "order/placed", if: "event.data.total >= 100 && event.data.currency == 'EUR'" }] }, async ({ event }) => event.data.total),
    ]);
    const first = await t.send([{ name: "order/placed", id: "order-1", data: { total: 150, currency: "EUR" } }, { name: "order/placed", data: { total: 5, currency: "EUR" } }]);
    const again = await t.send({ name: "order/placed", id: "order-1", data: { total: 150, currency: "EUR" } });
    expect(again.ids).toEqual([first.ids[0]]);
    await t.idle();
    const runs = await t.runs("big");
    expect(runs.map((r) => r.output)).toEqual([150]);
  });
});
