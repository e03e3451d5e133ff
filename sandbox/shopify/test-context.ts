// A small in-memory SandboxContext for unit tests of the Shopify module (no HTTP server).
import type { OutgoingWebhook, Platform, SandboxContext, SandboxRequest, SandboxResponse } from "../core/platform";
import { shopifyModule } from "./index";

export interface FakeContext extends SandboxContext {
  hooks: OutgoingWebhook[];
  advance(seconds: number): void;
  setConfig(patch: Record<string, unknown>): void;
}

export function fakeContext(): FakeContext {
  const slices: Record<string, unknown> = {};
  const apps: Record<string, Record<string, Record<string, unknown>>> = {};
  let config: Record<string, unknown> = {};
  let offset = 0;
  const hooks: OutgoingWebhook[] = [];
  return {
    hooks,
    now: () => Date.now() + offset,
    wallNow: () => Date.now(),
    state<T>(key: string, init: () => T): T {
      if (!(key in slices)) slices[key] = init();
      return slices[key] as T;
    },
    save: () => undefined,
    config<T>(_platform: Platform, defaults: T): T {
      return { ...defaults, ...config } as T;
    },
    apps: (platform) => (apps[platform] ??= {}),
    faults: () => ({ errorRate: 0, rateLimitRate: 0, latencyMs: 0, timeoutRate: 0, webhookDropRate: 0, webhookDuplicateRate: 0 }),
    sendWebhook: (hook) => void hooks.push(hook),
    every: () => undefined,
    advance: (seconds) => void (offset += seconds * 1000),
    setConfig: (patch) => void (config = { ...config, ...patch }),
  };
}

export function request(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; form?: boolean } = {}): SandboxRequest {
  const url = new URL(path, "http://127.0.0.1:4010");
  const raw = options.body === undefined ? "" : options.form ? new URLSearchParams(options.body as Record<string, string>).toString() : JSON.stringify(options.body);
  return {
    method, url, path: url.pathname, rawBody: Buffer.from(raw),
    headers: { host: "127.0.0.1:4010", "content-type": options.form ? "application/x-www-form-urlencoded" : "application/json", ...options.headers },
    body: options.body === undefined ? undefined : options.form ? { ...(options.body as Record<string, string>) } : JSON.parse(raw),
  };
}

/** Routes like the core does: /__sandbox/shopify/... to control, /__sandbox/apps to registerApp, the rest to handle. */
export async function call(ctx: SandboxContext, method: string, path: string, options: Parameters<typeof request>[2] = {}): Promise<SandboxResponse> {
  const req = request(method, path, options);
  if (path === "/__sandbox/apps") return shopifyModule.registerApp!(req.body, ctx);
  const out = path.startsWith("/__sandbox/") ? await shopifyModule.control(req, ctx) : await shopifyModule.handle(req, ctx);
  return out ?? { status: 404, body: { error: "no route" } };
}

export const TEST_APP = { platform: "shopify", clientId: "ferry-test", clientSecret: "shpss_test_secret_123", redirectUrl: "http://127.0.0.1:3000/api/connect/shopify/callback", complianceWebhookUrl: "http://127.0.0.1:3000/api/webhooks/shopify/compliance" };
export const SHOP = "acme.myshopify.com";

/** Registers the app, creates the shop, installs and exchanges a token. Returns the token response. */
export async function installedShop(ctx: SandboxContext, options: { expiring?: boolean; plan?: string; scope?: string; locations?: { name: string }[] } = {}): Promise<{ access_token: string; refresh_token?: string }> {
  await call(ctx, "POST", "/__sandbox/apps", { body: TEST_APP });
  await call(ctx, "POST", "/__sandbox/shopify/shops", { body: { domain: SHOP, plan: options.plan, locations: options.locations } });
  const redirect = await call(ctx, "POST", `/shopify/${SHOP}/admin/oauth/authorize`, {
    form: true, body: { client_id: TEST_APP.clientId, scope: options.scope ?? "read_products,write_products,read_orders,write_orders,write_inventory", redirect_uri: TEST_APP.redirectUrl, state: "nonce-1", decision: "install" },
  });
  const code = new URL(redirect.headers!.location!).searchParams.get("code")!;
  const token = await call(ctx, "POST", `/shopify/${SHOP}/admin/oauth/access_token`, {
    body: { client_id: TEST_APP.clientId, client_secret: TEST_APP.clientSecret, code, ...(options.expiring ? { expiring: 1 } : {}) },
  });
  return token.body as { access_token: string; refresh_token?: string };
}

export async function gql(ctx: SandboxContext, token: string, query: string, variables?: Record<string, unknown>) {
  const res = await call(ctx, "POST", `/shopify/${SHOP}/admin/api/2026-10/graphql.json`, { body: { query, variables }, headers: { "x-shopify-access-token": token } });
  return { status: res.status, body: res.body as { data?: Record<string, any>; errors?: any; extensions?: { cost: any } } }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
