import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/platform";
import { getApp, type TikTokApp } from "./apps";
import { cfg } from "./config";
import { DOCUMENTED_ENDPOINTS, type CipherRule } from "./endpoints";
import { E, fail, toResponse, type ApiResult } from "./envelope";
import { parseMultipart, type MultipartForm } from "./multipart";
import { tiktokSign, safeEqualHex } from "./sign";
import { getStore, type Store } from "./store";
import type { Grant, Seller, Shop } from "./state";

export const OPEN_API_PREFIX = "/tiktok/open-api";

export interface ApiCall {
  ctx: SandboxContext; store: Store; req: SandboxRequest; app: TikTokApp; grant: Grant; seller: Seller; shop: Shop | null;
  query: URLSearchParams; body: Record<string, unknown>; params: Record<string, string>; now: number;
  /** A multipart/form-data body (uploads); `body` is then empty. */
  form?: MultipartForm;
}
export interface Route { method: string; path: string; handler: (call: ApiCall) => ApiResult | Promise<ApiResult> }

interface Matched { route: Route; params: Record<string, string>; cipher: CipherRule }

const rateWindows = new Map<string, { second: number; count: number }>();
export function clearRateWindows(): void {
  rateWindows.clear();
}

function matchTemplate(template: string, path: string): Record<string, string> | null {
  const t = template.split("/");
  const p = path.split("/");
  if (t.length !== p.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i]!;
    if (seg.startsWith("{") && seg.endsWith("}")) {
      if (!p[i]) return null;
      params[seg.slice(1, -1)] = decodeURIComponent(p[i]!);
    } else if (seg !== p[i]) return null;
  }
  return params;
}

function withoutVersion(path: string): string {
  return path.split("/").map((seg, i) => (i === 2 ? "*" : seg)).join("/");
}

/** Resolve a path like the real gateway: implemented route, else the documented code for what is wrong. */
export function resolve(routes: Route[], method: string, path: string): Matched | { error: ApiResult; template: string } {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchTemplate(route.path, path);
    if (!params) continue;
    const doc = DOCUMENTED_ENDPOINTS.find((d) => d.path === route.path && (d.method === method || d.path.includes("partial_edit")));
    return { route, params, cipher: doc?.cipher ?? "required" };
  }
  const samePath = [...DOCUMENTED_ENDPOINTS, ...routes].find((d) => matchTemplate(d.path, path));
  if (samePath) {
    const implemented = routes.some((r) => r.method === method && matchTemplate(r.path, path));
    const documented = DOCUMENTED_ENDPOINTS.some((d) => d.method === method && matchTemplate(d.path, path));
    if (!implemented && !documented) return { error: E.invalidMethod(), template: samePath.path };
    return { error: fail(36009009, `The sandbox does not implement ${method} ${samePath.path} yet (it is documented by TikTok).`, 404), template: samePath.path };
  }
  const versionless = withoutVersion(path);
  const otherVersion = [...DOCUMENTED_ENDPOINTS, ...routes].find((d) => matchTemplate(withoutVersion(d.path), versionless));
  if (otherVersion) return { error: E.invalidVersion(), template: otherVersion.path };
  return { error: E.invalidPath(), template: path };
}

export async function handleOpenApi(req: SandboxRequest, ctx: SandboxContext, routes: Route[]): Promise<SandboxResponse> {
  const path = req.path.slice(OPEN_API_PREFIX.length) || "/";
  const m = resolve(routes, req.method, path);
  if ("error" in m) return toResponse(m.error, { route: m.template });
  const logRoute = m.route.path;
  const store = getStore(ctx);
  const checked = authenticate(req, ctx, store, path, m);
  if ("code" in checked) return toResponse(checked, { route: logRoute, shop: undefined });
  const { app, grant, seller, shop } = checked;
  const limit = cfg(ctx).rateLimitPerSecond;
  const key = `${app.appKey}|${shop?.id ?? seller.id}|${req.method} ${logRoute}`;
  // counted when the call arrived, not after its signature and body were checked
  const second = Math.floor((req.receivedAt ?? ctx.wallNow()) / 1000);
  const w = rateWindows.get(key);
  if (!w || w.second !== second) rateWindows.set(key, { second, count: 1 });
  else if (++w.count > limit) return toResponse(E.rateLimited(), { route: logRoute, shop: shop?.id });

  let body: Record<string, unknown> = {};
  let form: MultipartForm | undefined;
  const multipart = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase() === "multipart/form-data";
  if (multipart) {
    form = parseMultipart(req.rawBody, req.headers["content-type"]) ?? undefined;
    if (!form) return toResponse(E.badFormat(), { route: logRoute, shop: shop?.id });
  } else if (req.rawBody.length > 0) {
    if (!req.body || typeof req.body !== "object" || Array.isArray(req.body)) return toResponse(E.badFormat(), { route: logRoute, shop: shop?.id });
    body = req.body as Record<string, unknown>;
  }
  const call: ApiCall = { ctx, store, req, app, grant, seller, shop, query: req.url.searchParams, body, params: m.params, now: ctx.now(), form };
  let result: ApiResult;
  try {
    result = await m.route.handler(call);
  } catch (err) {
    console.error("[sandbox tiktok] handler failed:", err);
    result = E.internal();
  }
  return toResponse(result, { route: logRoute, shop: shop?.id });
}

type Authenticated = { app: TikTokApp; grant: Grant; seller: Seller; shop: Shop | null };

/** Common checks, in the order the real gateway most plausibly applies them. */
function authenticate(req: SandboxRequest, ctx: SandboxContext, store: Store, path: string, m: Matched): Authenticated | ApiResult {
  const q = req.url.searchParams;
  const app = getApp(ctx, q.get("app_key"));
  if (!app) return fail(36009004, "Invalid credentials. Invalid `app_key` query parameter.", 401);
  const sign = q.get("sign");
  if (!sign) return fail(36009004, "Missing credentials. The request does not include a required signature in the query.", 401);
  const tsRaw = q.get("timestamp") ?? "";
  if (!/^-?\d+$/.test(tsRaw)) return fail(36009004, "Invalid timestamp. The `timestamp` query parameter must be a Unix timestamp in seconds.", 401);
  const ts = Number(tsRaw);
  const wall = ctx.wallNow() / 1000;
  if (ts < 0) return fail(36009004, "Invalid timestamp. The value of the `timestamp` query parameter must not be lesser than 0.", 401);
  if (ts < wall - 300) return fail(36009004, "Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes before the current time.", 401);
  if (ts > wall + 30) return fail(36009004, "Invalid timestamp. The value of the `timestamp` query parameter must not exceed the current time by more than 30 seconds.", 401);
  const expected = tiktokSign({ path, query: q, body: req.rawBody.toString("utf8"), contentType: req.headers["content-type"], secret: app.appSecret });
  if (!safeEqualHex(expected, sign.toLowerCase())) return E.invalidSign();

  const s = store.s;
  const token = req.headers["x-tts-access-token"];
  if (!token) return E.expiredToken();
  const rec = s.accessTokens[token];
  const grant = rec ? s.grants[rec.grant] : undefined;
  if (!rec || !grant || grant.app_key !== app.appKey) return fail(36009004, "Invalid credentials. The `x-tts-access-token` header is invalid.", 401);
  if (grant.revoked) return fail(36009004, "Invalid credentials. The `x-tts-access-token` header is invalid: the seller deauthorized this app.", 401);
  if (ctx.now() >= rec.expires_at) return E.expiredToken();
  const seller = s.sellers[grant.seller_id]!;

  const cipher = q.get("shop_cipher");
  if (m.cipher === "forbidden" && cipher) return fail(36009004, "Unexpected identifier. The `shop_cipher` query parameter is not required for this request.");
  if (m.cipher === "required" && !cipher) return E.missingCipher();
  let shop: Shop | null = null;
  if (cipher) {
    const shopId = s.ciphers[cipher];
    shop = shopId ? s.shops[shopId] ?? null : null;
    if (!shop) return fail(36009004, "Invalid identifier. The `shop_cipher` query parameter is invalid.");
    if (shop.seller_id !== seller.id) return fail(101000, "Invalid query or header. The token is not associated with a shop, or the associated shop does not match the provided `shop_cipher` query parameter.", 401);
  }
  if (!shop && m.cipher === "optional") {
    // the cipher may be left out when the seller has one shop; otherwise the shop is ambiguous
    if (seller.shop_ids.length !== 1) return E.missingCipher();
    shop = s.shops[seller.shop_ids[0]!]!;
  }
  return { app, grant, seller, shop };
}
