// Cron triggers firing: through the SDK on a shifted clock, and a schedule further away than one
// timer can hold (setTimeout stops at ~24.8 days) firing on its due time, not early.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Engine } from "./engine";
import { applyFunctions, MAX_TIMER_MS, stopCrons } from "./sync";
import { setup, type TestApp } from "./test-harness";

let t: TestApp | undefined;
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.useRealTimers();
  await t?.close();
  t = undefined;
  for (const c of cleanup.splice(0)) await c();
});

const MINUTE = 60_000;

describe("cron triggers", () => {
  it("fires a cron function when its minute comes, through the SDK", async () => {
    // The runner's cron clock starts 300 ms before a minute boundary, so "* * * * *" is due at once.
    let offset: number | undefined;
    const cronClock = () => {
      offset ??= (Math.floor(Date.now() / MINUTE) + 1) * MINUTE - 300 - Date.now();
      return Date.now() + offset;
    };
    t = await setup((inngest) => [
      inngest.createFunction({ id: "every-minute", triggers: [{ cron: "* * * * *" }] }, async ({ event, step }) => {
        const seen = await step.run("read", () => event.data.cron as string);
        return { name: event.name, cron: seen };
      }),
    ], { runner: { cronClock } });
    const run = await t.waitFor(async () => (await t!.runs("every-minute")).find((r) => r.status === "Completed"), "the cron run");
    expect(run.output).toEqual({ name: "inngest/scheduled.timer", cron: "* * * * *" });
    expect(t.logs.some((l) => l.msg === "cron fired" && l.fn === "test-app-every-minute")).toBe(true);
  });

  it("waits out a schedule further away than one timer can hold instead of firing early", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setImmediate", "Date"] });
    // 2026-01-31: the yearly schedule is next due 2027-01-01, 335 days away (more than 13 timer spans).
    vi.setSystemTime(Date.parse("2026-01-31T00:00:00Z"));
    const dataDir = mkdtempSync(path.join(tmpdir(), "runner-cron-"));
    const calls: string[] = [];
    const engine = new Engine({
      appUrl: "http://127.0.0.1:1/api/inngest", dataDir, backoffBaseMs: 20, backoffMaxMs: 1000, connectRetryMs: 20, syncRetryMs: 20,
      durationScale: 1, requestTimeoutMs: 1000, maxInFlight: 5, cronClock: () => Date.now(), log: () => {},
    }, { call: (_e, item) => void calls.push(item.kind), timer: () => {} });
    cleanup.push(async () => { stopCrons(engine); await engine.close(); rmSync(dataDir, { recursive: true, force: true }); });
    const synced = applyFunctions(engine, [{ id: "app-yearly", triggers: [{ cron: "0 0 1 1 *" }], steps: { step: { runtime: { url: "http://127.0.0.1:1/api/inngest" } } } }], "test");
    expect(synced.ok).toBe(true);
    const runs = () => Object.values(engine.state.runs);

    const due = Date.parse("2027-01-01T00:00:00Z");
    vi.advanceTimersByTime(MAX_TIMER_MS + 1_000); // the first timer span ends: not due yet
    expect(runs()).toHaveLength(0);
    vi.advanceTimersByTime(due - MINUTE - Date.now());
    expect(runs()).toHaveLength(0);
    vi.advanceTimersByTime(2 * MINUTE);
    expect(runs()).toHaveLength(1);
    expect(runs()[0]!.event).toMatchObject({ name: "inngest/scheduled.timer", ts: Date.parse("2027-01-01T00:00:00Z") });
  });
});
