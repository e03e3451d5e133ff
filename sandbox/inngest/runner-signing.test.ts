// Cloud mode: the runner signs its requests, the SDK verifies them and signs its answers, and
// the runner refuses unsigned or wrongly signed answers and unknown event keys.
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeServer, EVENT_KEY, listen, setup, SIGNING_KEY, type TestApp } from "./test-harness";
import { startRunner } from "./runner";
import { hashSigningKey, sign, verify } from "./signing";

let t: TestApp | undefined;
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const c of cleanup.splice(0)) await c();
});

describe("signing (cloud mode)", () => {
  it("syncs and runs steps with signed requests and verified signed answers", async () => {
    t = await setup((inngest) => [
      inngest.createFunction({ id: "signed", triggers: [{ event: "demo/signed" }] }, async ({ step }) => {
        const x = await step.run("x", () => 20);
        return x + 1;
      }),
    ], { cloud: true });
    await t.send({ name: "demo/signed" });
    await t.idle();
    expect((await t.runs("signed"))[0]).toMatchObject({ status: "Completed", output: 21 });
  });

  it("rejects events sent with another event key", async () => {
    t = await setup(() => [], { cloud: true });
    const res = await fetch(`${t.runner.url}/e/not-${EVENT_KEY}`, { method: "POST", body: JSON.stringify({ name: "demo/x" }) });
    expect(res.status).toBe(401);
    const ok = await fetch(`${t.runner.url}/e/${EVENT_KEY}`, { method: "POST", body: JSON.stringify({ name: "demo/x" }) });
    expect(await ok.json()).toMatchObject({ status: 200, ids: [expect.any(String)] });
  });

  it("fails a sync when the app rejects the runner's key or answers unsigned", async () => {
    t = await setup((inngest) => [inngest.createFunction({ id: "f", triggers: [{ event: "demo/f" }] }, async () => 1)], { cloud: true });
    const dataDir = mkdtempSync(path.join(tmpdir(), "runner-sign-"));
    const wrongKey = await startRunner({ port: 0, dataDir, appUrl: t.appUrl, syncOnStart: false, signingKey: "signkey-test-" + "cd34".repeat(16), log: () => {} });
    cleanup.push(async () => { await wrongKey.close(); rmSync(dataDir, { recursive: true, force: true }); });
    const r1 = await wrongKey.sync();
    expect(r1).toMatchObject({ ok: false, functions: [] });
    expect(r1.error).toContain("401");

    const unsigned = await listen((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ functions: [] })));
    cleanup.push(() => closeServer(unsigned.server));
    const dataDir2 = mkdtempSync(path.join(tmpdir(), "runner-sign-"));
    const r = await startRunner({ port: 0, dataDir: dataDir2, appUrl: `http://127.0.0.1:${unsigned.port}/api/inngest`, syncOnStart: false, signingKey: SIGNING_KEY, log: () => {} });
    cleanup.push(async () => { await r.close(); rmSync(dataDir2, { recursive: true, force: true }); });
    expect((await r.sync()).error).toContain("answer is not signed");
  });

  it("does not let an unsigned error answer fail a run for good", async () => {
    // An unsigned 400 + x-inngest-no-retry (what the SDK sends for a permanent failure) from
    // something that is not the app: checked like any answer, so it is a retriable rejection.
    let calls = 0;
    const impostor = await listen((_req, res) => {
      calls++;
      res.writeHead(400, { "content-type": "application/json", "x-inngest-no-retry": "true" }).end(JSON.stringify({ name: "Error", message: "stop" }));
    });
    cleanup.push(() => closeServer(impostor.server));
    const dataDir = mkdtempSync(path.join(tmpdir(), "runner-sign-"));
    const runner = await startRunner({ port: 0, dataDir, appUrl: "http://127.0.0.1:1/unused", syncOnStart: false, signingKey: SIGNING_KEY, backoffBaseMs: 20, log: () => {} });
    cleanup.push(async () => { await runner.close(); rmSync(dataDir, { recursive: true, force: true }); });
    const functions = [{ id: "x-f", triggers: [{ event: "demo/f" }], steps: { step: { runtime: { url: `http://127.0.0.1:${impostor.port}/api/inngest` }, retries: { attempts: 1 } } } }];
    const reg = await fetch(`${runner.url}/fn/register`, { method: "POST", body: JSON.stringify({ functions }), headers: { authorization: `Bearer ${hashSigningKey(SIGNING_KEY)}` } });
    expect(reg.status).toBe(200);
    await fetch(`${runner.url}/e/any`, { method: "POST", body: JSON.stringify({ name: "demo/f" }) });
    const deadline = Date.now() + 10_000;
    let run: { status: string; attempts: number; error: { message: string } } | undefined;
    while (Date.now() < deadline && run?.status !== "Failed") {
      run = ((await (await fetch(`${runner.url}/v0/runs`)).json()) as { runs: NonNullable<typeof run>[] }).runs[0];
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(run).toMatchObject({ status: "Failed", attempts: 2 });
    expect(run!.error.message).toMatch(/rejected the app's answer \(HTTP 400\): .*not signed/);
    expect(calls).toBe(2);
  });

  it("accepts /fn/register only with the hashed signing key", async () => {
    t = await setup(() => [], { cloud: true });
    const body = JSON.stringify({ url: t.appUrl, functions: [] });
    const denied = await fetch(`${t.runner.url}/fn/register`, { method: "POST", body, headers: { authorization: "Bearer nope" } });
    expect(denied.status).toBe(401);
    const ok = await fetch(`${t.runner.url}/fn/register`, { method: "POST", body, headers: { authorization: `Bearer ${hashSigningKey(SIGNING_KEY)}` } });
    expect(ok.status).toBe(200);
  });

  it("signs and verifies like the SDK (prefix stripped, body then timestamp)", () => {
    const header = sign('{"a":1}', SIGNING_KEY, 1_700_000_000_000);
    expect(header).toMatch(/^t=1700000000&s=[0-9a-f]{64}$/);
    expect(verify(header, '{"a":1}', SIGNING_KEY, 1_700_000_000_000)).toBeNull();
    expect(verify(header, '{"a":2}', SIGNING_KEY, 1_700_000_000_000)).toMatch(/does not match/);
    expect(verify(header, '{"a":1}', SIGNING_KEY, 1_700_000_000_000 + 10 * 60_000)).toMatch(/expired/);
  });
});

describe("canonical JSON", () => {
  it("matches the canonicalize package the SDK uses", async () => {
    const { default: canonicalize } = await import("canonicalize");
    const { canonicalJson } = await import("./signing");
    const value = { b: [1, 2.5, "x", null, { z: true, a: undefined }], a: { "é": 1e21, c: -0, d: "line\n\"q\"" }, n: 0.1 };
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });
});
