// Persistence and resilience: restart of the runner mid-run, the app going away, sync failures,
// the startup sync retrying until the app is up, POST /v0/sync, out-of-band registration and the
// manual invoke endpoint.
import { afterEach, describe, expect, it } from "vitest";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import { closeServer, listen, setup, type TestApp } from "./test-harness";
import { startRunner } from "./runner";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Server } from "node:http";

let t: TestApp | undefined;
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const c of cleanup.splice(0)) await c();
});

describe("persistence and resilience", () => {
  it("resumes a run from its stored steps after the runner restarts mid-run", async () => {
    let aCalls = 0;
    let bCalls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    t = await setup((inngest) => [
      inngest.createFunction({ id: "long", triggers: [{ event: "demo/long" }] }, async ({ step }) => {
        const a = await step.run("a", () => ++aCalls);
        const b = await step.run("b", async () => {
          bCalls++;
          if (bCalls === 1) await gate; // the runner is restarted while this step is in flight
          return "b-done";
        });
        return { a, b };
      }),
    ]);
    await t.send({ name: "demo/long" });
    await t.waitFor(async () => bCalls === 1, "step b to start");
    const [before] = await t.runs("long");
    await t.restartRunner();
    release();
    await t.idle();
    const [after] = await t.runs("long");
    expect(after).toMatchObject({ id: before!.id, status: "Completed", output: { a: 1, b: "b-done" } });
    expect(aCalls).toBe(1);
    expect(bCalls).toBe(2);
  });

  it("retries while the app is down without spending an attempt", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "patient", retries: 0, triggers: [{ event: "demo/p" }] }, async ({ step }) => step.run("s", () => "ok")),
    ]);
    // Point a second runner at a port where nothing listens yet, then bring an app up there.
    const { server, port } = await listen((_req, res) => res.end());
    await closeServer(server);
    const dataDir = mkdtempSync(path.join(tmpdir(), "runner-down-"));
    const logs: Array<Record<string, unknown>> = [];
    const down = await startRunner({ port: 0, dataDir, appUrl: `http://127.0.0.1:${port}/api/inngest`, syncOnStart: false, connectRetryMs: 20, log: (l) => logs.push(l) });
    cleanup.push(async () => { await down.close(); rmSync(dataDir, { recursive: true, force: true }); });
    // Copy the synced functions (their URLs point to the dead port once rewritten).
    const fns = t.runner.engine.state.functions.map((f) => JSON.parse(JSON.stringify(f).replaceAll(new URL(t!.appUrl).port, String(port))));
    const reg = await fetch(`${down.url}/fn/register`, { method: "POST", body: JSON.stringify({ url: "x", functions: fns }) });
    expect(reg.status).toBe(200);
    await fetch(`${down.url}/e/any`, { method: "POST", body: JSON.stringify({ name: "demo/p" }) });
    await t.waitFor(async () => logs.filter((l) => l.msg === "app unreachable, will retry").length >= 3, "connection refusals");
    // Bring the app up on the dead port by proxying to the real test app.
    const proxy = await listenOn(port, async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const r = await fetch(t!.appUrl + (req.url ?? "").replace(/^\/api\/inngest/, ""), { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
    });
    cleanup.push(() => closeServer(proxy));
    await t.waitFor(async () => (await (await fetch(`${down.url}/v0/idle`)).json() as { idle: boolean }).idle, "idle");
    const { runs } = await (await fetch(`${down.url}/v0/runs`)).json() as { runs: Array<{ status: string; attempts: number; output: unknown }> };
    expect(runs[0]).toMatchObject({ status: "Completed", attempts: 1, output: "ok" });
  });

  it("syncs at startup once the app comes up, retrying refused connections and 503s meanwhile", async () => {
    const { server, port } = await listen((_req, res) => res.end());
    await closeServer(server); // nothing listens on this port yet
    const appUrl = `http://127.0.0.1:${port}/api/inngest`;
    const dataDir = mkdtempSync(path.join(tmpdir(), "runner-start-"));
    const logs: Array<Record<string, unknown>> = [];
    const runner = await startRunner({ port: 0, dataDir, appUrl, syncRetryMs: 20, log: (l) => logs.push(l) });
    cleanup.push(async () => { await runner.close(); rmSync(dataDir, { recursive: true, force: true }); });
    const retries = () => logs.filter((l) => l.msg === "app not ready for sync yet, retrying");
    await waitUntil(() => retries().length >= 2, "refused syncs");
    expect(String(retries()[0]!.error)).toContain("unreachable");

    // The app starts, answers 503 twice while it warms up, then serves its functions.
    const inngest = new Inngest({ id: "late-app", isDev: true, baseUrl: runner.url, logger: { info() {}, warn() {}, error() {}, debug() {} } });
    const handler = serve({ client: inngest, functions: [inngest.createFunction({ id: "hello", triggers: [{ event: "demo/hello" }] }, async () => "hi")] });
    let warming = 2;
    const app = await listenOn(port, (req, res) => {
      if (warming-- > 0) return void res.writeHead(503).end("compiling");
      void handler(req, res);
    });
    cleanup.push(() => closeServer(app));
    const ready = await runner.ready;
    expect(ready).toMatchObject({ ok: true, functions: ["late-app-hello"] });
    expect(retries().some((l) => String(l.error).includes("the app answered 503"))).toBe(true);
    await fetch(`${runner.url}/e/any`, { method: "POST", body: JSON.stringify({ name: "demo/hello" }) });
    await waitUntil(async () => ((await (await fetch(`${runner.url}/v0/runs?function=hello&status=Completed`)).json()) as { runs: unknown[] }).runs.length === 1, "the run");
  });

  it("syncs on POST /v0/sync, and answers 502 when the app stays away or refuses for good", async () => {
    t = await setup((inngest) => [inngest.createFunction({ id: "synced", triggers: [{ event: "demo/s" }] }, async () => "s")]);
    t.runner.engine.functions.clear();
    const ok = await fetch(`${t.runner.url}/v0/sync`, { method: "POST" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, functions: ["test-app-synced"] });

    const { server, port } = await listen((_req, res) => res.end());
    await closeServer(server);
    const dataDir = mkdtempSync(path.join(tmpdir(), "runner-sync-"));
    const away = await startRunner({ port: 0, dataDir, appUrl: `http://127.0.0.1:${port}/api/inngest`, syncOnStart: false, syncRetryMs: 20, log: () => {} });
    cleanup.push(async () => { await away.close(); rmSync(dataDir, { recursive: true, force: true }); });
    const down = await fetch(`${away.url}/v0/sync?timeoutMs=200`, { method: "POST" });
    expect(down.status).toBe(502);
    expect(((await down.json()) as { error: string }).error).toMatch(/unreachable/);

    // A 404 (a wrong serve path) will not fix itself: no retries.
    let calls = 0;
    const wrong = await listenOn(port, (_req, res) => { calls++; res.writeHead(404).end("no such route"); });
    cleanup.push(() => closeServer(wrong));
    const refused = await fetch(`${away.url}/v0/sync?timeoutMs=5000`, { method: "POST" });
    expect(refused.status).toBe(502);
    expect(((await refused.json()) as { error: string }).error).toContain("the app answered 404: no such route");
    expect(calls).toBe(1);
  });

  it("rejects a sync with an unsupported expression and keeps the previous functions", async () => {
    t = await setup((inngest) => [inngest.createFunction({ id: "kept", triggers: [{ event: "demo/k" }] }, async () => "kept")]);
    const bad = [{ id: "test-app-bad", triggers: [{ event: "demo/b", expression: "event.data.tags.exists(t, t == 'x')" }], steps: { step: { runtime: { url: t.appUrl } } } }];
    const res = await fetch(`${t.runner.url}/fn/register`, { method: "POST", body: JSON.stringify({ functions: bad }) });
    const body = await res.json() as { error: string };
    expect(res.status).toBe(400);
    expect(body.error).toMatch(/keeping the previous 1 function.*test-app-bad.*function calls are not supported/);
    await t.send({ name: "demo/k" });
    await t.idle();
    expect((await t.runs("kept"))[0]).toMatchObject({ status: "Completed", output: "kept" });
  });

  it("accepts the SDK's out-of-band registration (PUT without in_band → POST /fn/register)", async () => {
    t = await setup((inngest) => [inngest.createFunction({ id: "oob", triggers: [{ event: "demo/oob" }] }, async () => "registered")]);
    t.runner.engine.functions.clear();
    const res = await fetch(t.appUrl, { method: "PUT" });
    expect(res.status).toBe(200);
    expect([...t.runner.engine.functions.keys()]).toEqual(["test-app-oob"]);
    await t.send({ name: "demo/oob" });
    await t.idle();
    expect((await t.runs("oob"))[0]).toMatchObject({ status: "Completed", output: "registered" });
  });

  it("runs a cron function on demand through POST /v0/functions/:id/invoke", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "health", triggers: [{ cron: "TZ=UTC */15 * * * *" }] }, async ({ event }) => event.name),
    ]);
    const res = await fetch(`${t.runner.url}/v0/functions/health/invoke`, { method: "POST" });
    expect(res.status).toBe(202);
    const { runId } = await res.json() as { runId: string };
    await t.idle();
    expect(await t.run(runId)).toMatchObject({ status: "Completed", output: "inngest/scheduled.timer" });
  });
});

async function waitUntil(probe: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function listenOn(port: number, handler: Parameters<typeof listen>[0]): Promise<Server> {
  const { createServer } = await import("node:http");
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", () => r()));
  return server;
}
