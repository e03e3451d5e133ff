// Sleep, waitForEvent (match and timeout) and cancelOn through real SDK functions.
import { afterEach, describe, expect, it } from "vitest";
import { setup, type TestApp } from "./test-harness";

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

describe("sleeping and waiting", () => {
  it("sleeps (Sleep opcode) without holding the run, then resumes", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "nap", triggers: [{ event: "demo/nap" }] }, async ({ step }) => {
        const before = await step.run("before", () => Date.now());
        await step.sleep("nap", "4s"); // 4 s × durationScale 0.05 = 200 ms
        const after = await step.run("after", () => Date.now());
        return after - before;
      }),
    ]);
    await t.send({ name: "demo/nap" });
    const sleeping = await t.waitFor(async () => (await t!.runs("nap")).find((r) => r.status === "Sleeping"), "a sleeping run");
    expect(sleeping.steps.map((s) => s.status)).toEqual(["Completed", "Sleeping"]);
    await t.idle();
    const [run] = await t.runs("nap");
    expect(run!.status).toBe("Completed");
    expect(run!.output as number).toBeGreaterThanOrEqual(190);
  });

  it("waitForEvent resolves with the event whose match field equals the trigger's", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "approve", triggers: [{ event: "order/held" }] }, async ({ step }) => {
        const approval = await step.waitForEvent("approval", { event: "order/approved", match: "data.orderId", timeout: "1h" });
        return approval ? approval.data : null;
      }),
    ]);
    await t.send({ name: "order/held", data: { orderId: "o-7" } });
    await t.waitFor(async () => (await t!.runs("approve"))[0]?.status === "Waiting", "a waiting run");
    await t.idle(); // a run waiting for an event does not keep the runner busy
    await t.send({ name: "order/approved", data: { orderId: "o-8", by: "wrong" } });
    await t.send({ name: "order/approved", data: { orderId: "o-7", by: "ana" } });
    await t.idle({ waiting: true });
    const [run] = await t.runs("approve");
    expect(run).toMatchObject({ status: "Completed", output: { orderId: "o-7", by: "ana" } });
  });

  it("waitForEvent with an if expression times out to null", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "expire", triggers: [{ event: "order/held" }] }, async ({ step }) => {
        const approval = await step.waitForEvent("approval", { event: "order/approved", if: "async.data.orderId == event.data.orderId", timeout: "2s" });
        return { approval };
      }),
    ]);
    await t.send({ name: "order/held", data: { orderId: "o-1" } });
    await t.waitFor(async () => (await t!.runs("expire"))[0]?.status === "Waiting", "a waiting run");
    await t.send({ name: "order/approved", data: { orderId: "o-2" } });
    await t.idle({ waiting: true });
    const [run] = await t.runs("expire");
    expect(run).toMatchObject({ status: "Completed", output: { approval: null } });
  });

  it("cancelOn cancels only the matching run", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({
        id: "cancellable", triggers: [{ event: "sync/start" }], cancelOn: [{ event: "sync/stop", match: "data.connectionId" }],
      }, async ({ event, step }) => {
        await step.sleep("pause", "10s");
        return event.data.connectionId;
      }),
    ]);
    await t.send([{ name: "sync/start", data: { connectionId: "c1" } }, { name: "sync/start", data: { connectionId: "c2" } }]);
    await t.waitFor(async () => (await t!.runs("cancellable")).filter((r) => r.status === "Sleeping").length === 2, "two sleeping runs");
    await t.send({ name: "sync/stop", data: { connectionId: "c1" } });
    await t.idle();
    const runs = await t.runs("cancellable");
    const byConn = Object.fromEntries(runs.map((r) => [r.event.data.connectionId as string, r.status]));
    expect(byConn).toEqual({ c1: "Cancelled", c2: "Completed" });
  });

  it.each([
    ["an if expression outside the supported CEL subset", "if", /step\.waitForEvent "approval": the if expression "event\.data\.tags\.exists\(t, t == 'x'\)" is not supported: .*function calls are not supported/],
    ["a sleep duration the runner cannot read", "sleep", /step\.sleep "nap": cannot parse sleep duration ""/],
  ])("fails the run with the reason for %s instead of leaving it Running", async (_what, mode, reason) => {
    const failures: string[] = [];
    t = await setup((inngest) => [
      inngest.createFunction({
        id: "odd", retries: 0, triggers: [{ event: "demo/odd" }],
        onFailure: async ({ error }: { error: Error }) => { failures.push(error.message); },
      }, async ({ step }) => {
        await step.run("before", () => "ok");
        if (mode === "if") await step.waitForEvent("approval", { event: "order/approved", if: "event.data.tags.exists(t, t == 'x')", timeout: "1h" });
        else await step.sleep("nap", "soon"); // the SDK sends an empty duration for a string ms() cannot read
        return "unreachable";
      }),
    ]);
    await t.send({ name: "demo/odd" });
    await t.idle({ waiting: true });
    const run = (await t.runs("test-app-odd"))[0]!;
    expect(run.status).toBe("Failed");
    expect(run.error?.message).toMatch(reason);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(reason);
  });
});
