// For integration tests only: the real sandbox server in process, a receiver standing in for Ferry's
// callback and webhook routes, and the install flow driven over HTTP the way a browser does it.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createSandboxServer, type SandboxServer } from "../../../../sandbox/core/server";
import { shopifyModule } from "../../../../sandbox/shopify/index";
import { ShopifyOAuth } from "../oauth";

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  rawBody: Buffer;
}

export interface Harness {
  sandbox: SandboxServer;
  receiverUrl: string;
  received: Received[];
  clientId: string;
  clientSecret: string;
  scopes: string[];
  oauth: ShopifyOAuth;
  adminBaseUrl: string;
  control(method: "GET" | "POST" | "PATCH", route: string, body?: unknown): Promise<Record<string, unknown>>;
  waitFor(match: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
}

export async function startHarness(options: { clientId: string; clientSecret: string; scopes: string[] }): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-shopify-client-"));
  const sandbox = await createSandboxServer({ port: 0, host: "127.0.0.1", dataDir, modules: [shopifyModule] });
  const received: Received[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      received.push({ method: req.method ?? "", path: url.pathname, query: url.searchParams, headers: req.headers, rawBody: Buffer.concat(chunks) });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const control: Harness["control"] = async (method, route, body) => {
    const res = await fetch(`${sandbox.url}${route}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${route} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  await control("POST", "/__sandbox/apps", {
    platform: "shopify", clientId: options.clientId, clientSecret: options.clientSecret,
    redirectUrl: `${receiverUrl}/api/shopify/callback`, complianceWebhookUrl: `${receiverUrl}/api/webhooks/shopify/compliance`,
  });
  await control("POST", "/__sandbox/config", { shopify: { webhookRetrySeconds: [0.05, 0.05] } });

  const adminBaseUrl = `${sandbox.url}/shopify/{shop}`;
  const oauth = new ShopifyOAuth({ adminBaseUrl, clientId: options.clientId, clientSecret: options.clientSecret, scopes: options.scopes });

  const waitFor: Harness["waitFor"] = async (match, timeoutMs = 5000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const hit = received.find(match);
      if (hit) return hit;
      if (Date.now() > until) throw new Error("nothing matching arrived at the receiver");
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  return {
    sandbox, receiverUrl, received, adminBaseUrl, oauth, control, waitFor, ...options,
    async close() {
      await sandbox.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);

/** GET the install page, submit its form with Install as a browser would, follow the redirect to our callback. */
export async function installLikeABrowser(h: Harness, options: { shop: string; state: string }): Promise<{ pageHtml: string; callback: Received }> {
  const authorizeUrl = h.oauth.authorizeUrl({ shop: options.shop, state: options.state, redirectUri: `${h.receiverUrl}/api/shopify/callback` });
  const page = await fetch(authorizeUrl);
  const pageHtml = await page.text();
  if (page.status !== 200) throw new Error(`install page answered ${page.status}: ${pageHtml}`);
  const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(pageHtml);
  if (!form) throw new Error("no form on the install page");
  const fields = new URLSearchParams();
  for (const m of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.append(m[1]!, unescapeHtml(m[2]!));
  fields.append("decision", "install");
  const action = new URL(unescapeHtml(form[1]!), authorizeUrl);
  const posted = await fetch(action, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: fields.toString(), redirect: "manual" });
  const location = posted.headers.get("location");
  if (posted.status !== 302 || !location) throw new Error(`the form post answered ${posted.status}`);
  const before = h.received.length;
  await fetch(location);
  const callback = h.received.slice(before).find((r) => r.path === "/api/shopify/callback");
  if (!callback) throw new Error("the redirect did not reach the callback");
  return { pageHtml, callback };
}
