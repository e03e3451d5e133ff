// Test helpers for the TikTok stand-in. The signer here is written from PLATFORMS.md on purpose, independently of
// sign.ts, so the tests catch a sandbox that signs wrongly in the same way as its own check.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { createSandboxServer, type SandboxServer } from "../core/server";
import { tiktokModule } from "./index";

// Parsed JSON answers; tests read them loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function independentSign(secret: string, pathname: string, query: Record<string, string>, body = ""): string {
  const keys = Object.keys(query).filter((k) => k !== "sign" && k !== "access_token").sort();
  const message = secret + pathname + keys.map((k) => `${k}${query[k]}`).join("") + body + secret;
  return crypto.createHmac("sha256", secret).update(message, "utf8").digest("hex");
}

export interface Kit {
  server: SandboxServer; url: string; dir: string;
  control(method: string, p: string, body?: unknown): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

export async function startKit(dir?: string): Promise<Kit> {
  const dataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "sbx-tiktok-"));
  const server = await createSandboxServer({ port: 0, host: "127.0.0.1", dataDir, modules: [tiktokModule] });
  return {
    server, url: server.url, dir: dataDir,
    async control(method, p, body) {
      const res = await fetch(server.url + p, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async close() {
      await server.close();
      if (!dir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const APP = { appKey: "29a39d", appSecret: "e59af819cc", redirectUrl: "http://127.0.0.1:9/callback" };

/** Register the app, create a US shop and authorize it; returns what an API client needs. */
export async function connectedShop(kit: Kit, opts: { region?: string; webhookUrl?: string; warehouses?: string[] } = {}) {
  await kit.control("POST", "/__sandbox/apps", { platform: "tiktok", ...APP, ...(opts.webhookUrl ? { webhookUrl: opts.webhookUrl } : {}) });
  const shop = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "Sandbox US", region: opts.region ?? "US", sellerType: "LOCAL", ...(opts.warehouses ? { warehouses: opts.warehouses } : {}) })).body;
  const { code } = (await kit.control("POST", "/__sandbox/tiktok/authorize", { appKey: APP.appKey, shopId: shop.shopId })).body;
  const token = await (await fetch(`${kit.url}/tiktok/auth/api/v2/token/get?app_key=${APP.appKey}&app_secret=${APP.appSecret}&auth_code=${code}&grant_type=authorized_code`)).json();
  return { shop, token: token.data as { access_token: string; refresh_token: string; access_token_expire_in: number } };
}

/** `query` values of null leave that parameter out (e.g. `{timestamp: null}`); `sign: null` sends no sign. */
export interface CallOptions { query?: Record<string, string | null>; body?: unknown; token?: string | null; cipher?: string | null; timestamp?: number; secret?: string; sign?: string | null; rawBody?: string }

/** A signed Open API call, the way an app client makes it. */
export async function api(kit: Kit, method: string, apiPath: string, o: CallOptions = {}): Promise<{ status: number; body: Json }> {
  const merged = { app_key: APP.appKey, timestamp: String(o.timestamp ?? Math.floor(Date.now() / 1000)), ...(o.query ?? {}) };
  const query: Record<string, string> = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
  if (o.cipher) query.shop_cipher = o.cipher;
  const body = o.rawBody ?? (o.body === undefined ? "" : JSON.stringify(o.body));
  if (o.sign !== null) query.sign = o.sign ?? independentSign(o.secret ?? APP.appSecret, apiPath, query, body);
  const qs = new URLSearchParams(query).toString();
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (o.token) headers["x-tts-access-token"] = o.token;
  const res = await fetch(`${kit.url}/tiktok/open-api${apiPath}?${qs}`, { method, headers, body: body || undefined });
  return { status: res.status, body: await res.json() };
}

export interface Received { headers: http.IncomingHttpHeaders; body: string; json: Json }

/** A local webhook receiver that answers with the statuses given in turn (then 200). */
export async function receiver(statuses: number[] = []): Promise<{ url: string; got: Received[]; close(): Promise<void>; waitFor(n: number, ms?: number): Promise<Received[]> }> {
  const got: Received[] = [];
  const queue = [...statuses];
  const srv = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      got.push({ headers: req.headers, body, json: JSON.parse(body) });
      res.writeHead(queue.shift() ?? 200);
      res.end();
    });
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/webhooks`;
  return {
    url, got,
    close: () => new Promise<void>((r) => { srv.closeAllConnections(); srv.close(() => r()); }),
    async waitFor(n, ms = 5000) {
      const until = Date.now() + ms;
      while (got.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return got;
    },
  };
}

/** A signed multipart call (the body is not signed), as Upload Product Image takes it. */
export async function upload(kit: Kit, apiPath: string, o: { token: string; form: FormData; cipher?: string; contentType?: string }): Promise<{ status: number; body: Json }> {
  const query: Record<string, string> = { app_key: APP.appKey, timestamp: String(Math.floor(Date.now() / 1000)) };
  if (o.cipher) query.shop_cipher = o.cipher;
  const request = new Request("http://x", { method: "POST", body: o.form });
  const raw = Buffer.from(await request.arrayBuffer());
  const contentType = o.contentType ?? request.headers.get("content-type")!;
  query.sign = independentSign(APP.appSecret, apiPath, query, contentType.startsWith("multipart/form-data") ? "" : raw.toString("utf8"));
  const res = await fetch(`${kit.url}/tiktok/open-api${apiPath}?${new URLSearchParams(query)}`, { method: "POST", headers: { "content-type": contentType, "x-tts-access-token": o.token }, body: raw });
  return { status: res.status, body: await res.json() };
}

export function imageForm(data: Buffer, o: { useCase?: string; filename?: string; type?: string } = {}): FormData {
  const form = new FormData();
  form.append("data", new Blob([new Uint8Array(data)], { type: o.type ?? "image/png" }), o.filename ?? "image.png");
  if (o.useCase) form.append("use_case", o.useCase);
  return form;
}
