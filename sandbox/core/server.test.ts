import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { json } from "./http";
import type { PlatformModule, SandboxContext } from "./platform";
import { createSandboxServer, type SandboxServer } from "./server";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

// A tiny platform module: enough to exercise the core without Json real stand-in.
function fakeModule(): PlatformModule & { ctx?: SandboxContext } {
  const mod: PlatformModule & { ctx?: SandboxContext } = {
    platform: "tiktok",
    prefix: "/fake",
    configDefaults: { a: 1, b: 2 },
    validateConfig: (p) => (typeof (p as { a?: unknown }).a === "string" ? "a must be a number" : null),
    async handle(req, ctx) {
      if (req.path === "/fake/consent") return { status: 200, body: "<html>consent</html>", headers: { "content-type": "text/html" } };
      if (req.path === "/fake/count") {
        const s = ctx.state("fake", () => ({ n: 0 }));
        s.n++;
        ctx.save();
        return { ...json(200, { n: s.n, now: ctx.now() }), logRoute: "/count", logShop: "shop1", logCode: 0 };
      }
      if (req.path === "/fake/hook") {
        const { url } = req.body as { url: string };
        ctx.sendWebhook({ platform: "tiktok", url, headers: { "content-type": "application/json" }, body: '{"x":1}', retrySeconds: [0.05, 0.05], logRoute: "hook" });
        return json(200, { sent: true });
      }
      return null;
    },
    async control() {
      return null;
    },
    faultExempt: (req) => req.path === "/fake/consent",
    faultResponse: (kind) => json(kind === "rateLimit" ? 429 : 500, { fault: kind }),
  };
  return mod;
}

let dir: string;
let server: SandboxServer;
const start = async () => (server = await createSandboxServer({ port: 0, dataDir: dir, modules: [fakeModule()] }));
const call = async (method: string, p: string, body?: unknown) => {
  const res = await fetch(server.url + p, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : text };
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sbx-core-"));
  await start();
});
afterEach(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("sandbox core", () => {
  it("persists state across a restart and clears it on reset", async () => {
    await call("GET", "/fake/count");
    expect((await call("GET", "/fake/count")).body.n).toBe(2);
    await server.close();
    await start();
    expect((await call("GET", "/fake/count")).body.n).toBe(3);
    expect((await call("POST", "/__sandbox/reset")).status).toBe(200);
    expect((await call("GET", "/fake/count")).body.n).toBe(1);
  });

  it("moves the sandbox clock forward only", async () => {
    const before = (await call("GET", "/fake/count")).body.now;
    expect((await call("POST", "/__sandbox/clock", { advanceSeconds: 3600 })).status).toBe(200);
    const after = (await call("GET", "/fake/count")).body.now;
    expect(after - before).toBeGreaterThanOrEqual(3600_000);
    expect((await call("POST", "/__sandbox/clock", { advanceSeconds: -5 })).status).toBe(400);
    expect((await call("POST", "/__sandbox/clock", { advance: 5 })).status).toBe(400);
  });

  it("merges config and rejects bad slices with a message", async () => {
    expect((await call("GET", "/__sandbox/config")).body).toEqual({ tiktok: { a: 1, b: 2 } });
    expect((await call("POST", "/__sandbox/config", { tiktok: { b: 5 } })).body).toEqual({ tiktok: { a: 1, b: 5 } });
    expect((await call("POST", "/__sandbox/config", { tiktok: { a: 9 } })).body).toEqual({ tiktok: { a: 9, b: 5 } });
    const bad = await call("POST", "/__sandbox/config", { tiktok: { a: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain("a must be a number");
    expect((await call("POST", "/__sandbox/config", { nope: {} })).status).toBe(400);
  });

  it("injects faults in the platform's format, never on consent pages or /__sandbox", async () => {
    expect((await call("POST", "/__sandbox/faults", { platform: "tiktok", errorRate: 1 })).status).toBe(200);
    expect(await call("GET", "/fake/count")).toEqual({ status: 500, body: { fault: "error" } });
    expect((await call("GET", "/fake/consent")).status).toBe(200);
    expect((await call("GET", "/__sandbox/config")).status).toBe(200);
    await call("POST", "/__sandbox/faults", { platform: "all", errorRate: 0, rateLimitRate: 1 });
    expect((await call("GET", "/fake/count")).status).toBe(429);
    expect((await call("POST", "/__sandbox/faults", { platform: "tiktok", errorRate: 2 })).status).toBe(400);
  });

  it("holds the connection open on an injected timeout", async () => {
    await call("POST", "/__sandbox/faults", { platform: "tiktok", timeoutRate: 1 });
    const outcome = await Promise.race([
      fetch(`${server.url}/fake/count`, { signal: AbortSignal.timeout(300) }).then(() => "answered", () => "timed out"),
      new Promise((r) => setTimeout(() => r("still waiting"), 1000)),
    ]);
    expect(outcome).toBe("timed out");
  });

  it("logs requests and webhook deliveries; retries non-2xx deliveries", async () => {
    const statuses = [500, 200];
    let hits = 0;
    const recv = http.createServer((_req, res) => {
      hits++;
      res.writeHead(statuses.shift() ?? 200);
      res.end();
    });
    await new Promise<void>((r) => recv.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(recv.address() as AddressInfo).port}/in`;
    await call("GET", "/fake/count");
    await call("POST", "/fake/hook", { url });
    await new Promise((r) => setTimeout(r, 400));
    expect(hits).toBe(2);
    const log = (await call("GET", "/__sandbox/requests?after=0")).body;
    const out = log.rows.filter((r: Json) => r.direction === "out");
    expect(out.map((r: Json) => r.status)).toEqual([500, 200]);
    const first = log.rows[0];
    expect(first).toMatchObject({ platform: "tiktok", method: "GET", route: "/count", shop: "shop1", status: 200, code: 0, direction: "in" });
    expect(log.counts.out).toBe(2);
    const later = (await call("GET", `/__sandbox/requests?after=${first.seq}`)).body.rows;
    expect(later.every((r: Json) => r.seq > first.seq)).toBe(true);
    // a dropped webhook is never delivered nor retried
    await call("POST", "/__sandbox/faults", { platform: "tiktok", webhookDropRate: 1 });
    await call("POST", "/fake/hook", { url });
    await new Promise((r) => setTimeout(r, 200));
    expect(hits).toBe(2);
    await call("POST", "/__sandbox/faults", { platform: "tiktok", webhookDropRate: 0, webhookDuplicateRate: 1 });
    await call("POST", "/fake/hook", { url });
    await new Promise((r) => setTimeout(r, 300));
    expect(hits).toBe(4);
    await new Promise<void>((r) => recv.close(() => r()));
  });

  it("serves an HTML index and explains unknown routes", async () => {
    const index = await call("GET", "/");
    expect(index.body).toContain("/__sandbox/reset");
    const missing = await call("GET", "/__sandbox/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toContain("no control endpoint");
  });
});
