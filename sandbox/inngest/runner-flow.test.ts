// Flow control through real SDK functions: concurrency per key (sleeping and waiting runs hold no
// slot), throttle (per key), rateLimit, debounce, idempotency and batchEvents.
import { afterEach, describe, expect, it } from "vitest";
import { setup, type TestApp } from "./test-harness";

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Span = { key: string; start: number; end: number };
const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

describe("flow control", () => {
  it("concurrency 1 per key serializes one key while another key proceeds", async () => {
    const spans: Span[] = [];
    // The first run of key A holds its slot until B's step has started: B must not wait for A.
    let bStarted!: () => void;
    const bRunning = new Promise<void>((r) => { bStarted = r; });
    t = await setup((inngest) => [
      inngest.createFunction({ id: "per-conn", concurrency: { limit: 1, key: "event.data.connectionId" }, triggers: [{ event: "conn/sync" }] }, async ({ event, step }) => {
        await step.run("work", async () => {
          const start = Date.now();
          const key = event.data.connectionId as string;
          if (key === "B") bStarted();
          else if (!spans.some((s) => s.key === "A")) await Promise.race([bRunning, delay(5_000)]);
          await delay(30);
          spans.push({ key, start, end: Date.now() });
        });
      }),
    ]);
    await t.send([
      { name: "conn/sync", data: { connectionId: "A" } },
      { name: "conn/sync", data: { connectionId: "A" } },
      { name: "conn/sync", data: { connectionId: "B" } },
    ]);
    await t.idle();
    const a = spans.filter((s) => s.key === "A");
    const b = spans.find((s) => s.key === "B")!;
    expect(a).toHaveLength(2);
    expect(overlap(a[0]!, a[1]!)).toBe(false);
    expect(overlap(a[0]!, b)).toBe(true);
  });

  it("sleeping or waiting runs hold no concurrency slot", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "one-slot", concurrency: { limit: 1, key: "event.data.shop" }, triggers: [{ event: "shop/job" }] }, async ({ event, step }) => {
        if (event.data.mode === "wait") await step.waitForEvent("go", { event: "shop/go", timeout: "1h" });
        if (event.data.mode === "sleep") await step.sleep("nap", "20s"); // × 0.05 = 1 s
        return step.run("work", () => event.data.mode as string);
      }),
    ]);
    await t.send({ name: "shop/job", data: { shop: "s1", mode: "wait" } });
    await t.waitFor(async () => (await t!.runs("one-slot"))[0]?.status === "Waiting", "a waiting run");
    await t.send({ name: "shop/job", data: { shop: "s1", mode: "sleep" } });
    await t.waitFor(async () => (await t!.runs("one-slot")).some((r) => r.status === "Sleeping"), "a sleeping run");
    await t.send({ name: "shop/job", data: { shop: "s1", mode: "quick" } });
    const quick = await t.waitFor(async () => (await t!.runs("one-slot")).find((r) => r.event.data.mode === "quick" && r.status === "Completed"), "the quick run");
    const others = (await t.runs("one-slot")).filter((r) => r.id !== quick.id);
    expect(others.map((r) => r.status).sort()).toEqual(["Sleeping", "Waiting"]);
    await t.send({ name: "shop/go" });
    await t.idle();
    expect((await t.runs("one-slot")).map((r) => r.output).sort()).toEqual(["quick", "sleep", "wait"]);
  });

  it("throttle queues runs beyond the limit instead of dropping them", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "throttled", throttle: { limit: 1, period: "3s" }, triggers: [{ event: "demo/t" }] }, async ({ event }) => event.data.n),
    ]);
    await t.send([1, 2, 3].map((n) => ({ name: "demo/t", data: { n } })));
    await t.idle();
    const runs = await t.runs("throttled");
    expect(runs.map((r) => r.status)).toEqual(["Completed", "Completed", "Completed"]);
    const starts = runs.map((r) => Date.parse(r.startedAt!)).sort((x, y) => x - y);
    // 3 s × durationScale 0.05 = 150 ms between starts.
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(140);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(140);
  });

  it("throttle is counted per key: one key's backlog does not delay another key", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "throttled-per-shop", throttle: { limit: 1, period: "20s", key: "event.data.shop" }, triggers: [{ event: "demo/tk" }] }, async ({ event }) => event.data.n),
    ]);
    await t.send([{ name: "demo/tk", data: { shop: "x", n: 1 } }, { name: "demo/tk", data: { shop: "x", n: 2 } }, { name: "demo/tk", data: { shop: "y", n: 3 } }]);
    await t.idle();
    const runs = await t.runs("throttled-per-shop");
    const byN = new Map(runs.map((r) => [r.output as number, r]));
    expect([...byN.keys()].sort()).toEqual([1, 2, 3]);
    const started = (n: number) => Date.parse(byN.get(n)!.startedAt!);
    // 20 s × durationScale 0.05 = 1 s between starts of shop x; shop y runs without waiting for it.
    expect(started(2) - started(1)).toBeGreaterThanOrEqual(990);
    expect(Date.parse(byN.get(3)!.endedAt!)).toBeLessThan(started(2));
  });

  it("rateLimit drops events over the limit per key", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "limited", rateLimit: { limit: 1, period: "1h", key: "event.data.shop" }, triggers: [{ event: "demo/r" }] }, async ({ event }) => event.data.shop),
    ]);
    await t.send([{ name: "demo/r", data: { shop: "x" } }, { name: "demo/r", data: { shop: "x" } }, { name: "demo/r", data: { shop: "y" } }]);
    await t.idle();
    const runs = await t.runs("limited");
    expect(runs.map((r) => r.output).sort()).toEqual(["x", "y"]);
    expect(t.logs.filter((l) => l.msg === "event skipped: rateLimit")).toHaveLength(1);
  });

  it("debounce runs once per key with the last event", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "debounced", debounce: { period: "4s", key: "event.data.product" }, triggers: [{ event: "product/updated" }] }, async ({ event }) => event.data),
    ]);
    for (const n of [1, 2, 3]) await t.send({ name: "product/updated", data: { product: "p1", n } });
    await t.send({ name: "product/updated", data: { product: "p2", n: 9 } });
    await t.idle();
    const runs = await t.runs("debounced");
    expect(runs.map((r) => r.output).sort((a, b) => ((a as { n: number }).n - (b as { n: number }).n))).toEqual([{ product: "p1", n: 3 }, { product: "p2", n: 9 }]);
  });

  it("idempotency runs a key once in 24 hours", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "once", idempotency: "event.data.orderId", triggers: [{ event: "order/paid" }] }, async ({ event }) => event.data.orderId),
    ]);
    await t.send([{ name: "order/paid", data: { orderId: "o1" } }, { name: "order/paid", data: { orderId: "o1" } }, { name: "order/paid", data: { orderId: "o2" } }]);
    await t.idle();
    expect((await t.runs("once")).map((r) => r.output).sort()).toEqual(["o1", "o2"]);
  });

  it("batchEvents hands several events to one run", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "batched", batchEvents: { maxSize: 3, timeout: "10s" }, triggers: [{ event: "stock/changed" }] }, async ({ events }) => events.map((e: { data: Record<string, unknown> }) => e.data.sku)),
    ]);
    await t.send([1, 2, 3, 4].map((n) => ({ name: "stock/changed", data: { sku: `s${n}` } })));
    await t.idle(); // the 4th event waits for the batch timeout (10 s × 0.05)
    const runs = await t.runs("batched");
    expect(runs.map((r) => r.output).sort()).toEqual([["s1", "s2", "s3"], ["s4"]]);
    expect(runs.map((r) => r.batchSize).sort()).toEqual([1, 3]);
  });
});
