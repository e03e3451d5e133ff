import { escapeHtml, html } from "../core/http";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/platform";
import { appByServiceId, getApp } from "./apps";
import { cfg, sec } from "./config";
import { fail, ok, toResponse, type ApiResult } from "./envelope";
import { randomToken } from "./ids";
import { getStore, type Store } from "./store";
import type { Grant } from "./state";

const CODE_TTL_MS = 30 * 60 * 1000; // the auth code lives 30 minutes and works once
// The token service's own error codes are not documented; 36004004 is what it most plausibly answers for a bad grant.
const BAD_GRANT = 36004004;

/** Seller authorization page: a plain HTML form (no JavaScript) with a seller picker, Authorize and Cancel. */
export function authorizePage(req: SandboxRequest, ctx: SandboxContext): SandboxResponse {
  const q = req.url.searchParams;
  const isPost = req.method === "POST";
  const form = (isPost && req.body && typeof req.body === "object" ? req.body : {}) as Record<string, string>;
  const serviceId = isPost ? form.service_id ?? null : q.get("service_id");
  const state = isPost ? form.state ?? "" : q.get("state") ?? "";
  const app = appByServiceId(ctx, serviceId);
  if (!app) return html(400, page("Unknown app", `<p>No app is registered with service_id <code>${escapeHtml(serviceId ?? "(missing)")}</code>. Register one with <code>POST /__sandbox/apps</code>.</p>`));
  const store = getStore(ctx);
  if (!isPost) return html(200, consentForm(store, app.serviceId, app.appKey, state));

  const target = new URL(app.redirectUrl);
  if (form.action === "cancel") {
    target.searchParams.set("code", "null");
    target.searchParams.set("error", "auth_denied");
  } else if (form.action === "authorize") {
    const seller = store.s.sellers[form.seller_id ?? ""];
    if (!seller) return html(400, page("Pick a seller", `<p>Unknown seller <code>${escapeHtml(form.seller_id ?? "")}</code>.</p>`));
    const code = randomToken("TTP_", 16);
    store.s.authCodes[code] = { code, app_key: app.appKey, seller_id: seller.id, expires_at: ctx.now() + CODE_TTL_MS, used: false };
    ctx.save();
    target.searchParams.set("code", code);
  } else {
    return html(400, page("Bad request", "<p>Expected action=authorize or action=cancel.</p>"));
  }
  if (state) target.searchParams.set("state", state);
  return { status: 302, headers: { location: target.toString(), "content-type": "text/html; charset=utf-8" }, body: `<a href="${escapeHtml(target.toString())}">Continue</a>` };
}

function consentForm(store: Store, serviceId: string, appKey: string, state: string): string {
  const sellers = Object.values(store.s.sellers);
  const options = sellers.map((s, i) => {
    const shops = s.shop_ids.map((id) => store.s.shops[id]!).map((sh) => `${escapeHtml(sh.name)} (${sh.region})`).join(", ");
    return `<label><input type="radio" name="seller_id" value="${escapeHtml(s.id)}"${i === 0 ? " checked" : ""}> ${escapeHtml(s.name)} — ${shops}</label><br>`;
  }).join("\n");
  const body = sellers.length
    ? `<p>The app <b>${escapeHtml(appKey)}</b> asks to access your shops. One authorization covers all shops of the seller.</p>
<form method="post" action="/tiktok/oauth/authorize">
<input type="hidden" name="service_id" value="${escapeHtml(serviceId)}"><input type="hidden" name="state" value="${escapeHtml(state)}">
<fieldset><legend>Seller</legend>${options}</fieldset>
<button type="submit" name="action" value="authorize">Authorize</button> <button type="submit" name="action" value="cancel">Cancel</button>
</form>`
    : `<p>No sellers yet. Create a shop with <code>POST /__sandbox/tiktok/shops</code>, then reload.</p>
<form method="post" action="/tiktok/oauth/authorize"><input type="hidden" name="service_id" value="${escapeHtml(serviceId)}"><input type="hidden" name="state" value="${escapeHtml(state)}">
<button type="submit" name="action" value="cancel">Cancel</button></form>`;
  return page("Authorize app — TikTok Shop (sandbox)", body);
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

/** Token service: GET /api/v2/token/get and /api/v2/token/refresh, in the real envelope. */
export function tokenService(req: SandboxRequest, ctx: SandboxContext, which: "get" | "refresh"): SandboxResponse {
  const route = `/auth/api/v2/token/${which}`;
  if (req.method !== "GET") return toResponse(fail(36009010, "Invalid method. The HTTP method used is not supported by this endpoint.", 405), { route });
  const q = req.url.searchParams;
  const app = getApp(ctx, q.get("app_key"));
  if (!app) return toResponse(fail(36009004, "Invalid credentials. Invalid `app_key` query parameter."), { route });
  if (q.get("app_secret") !== app.appSecret) return toResponse(fail(36009004, "Invalid credentials. The `app_secret` does not match the `app_key`."), { route });
  const store = getStore(ctx);
  const result = which === "get" ? exchangeCode(ctx, store, app.appKey, q) : refresh(ctx, store, app.appKey, q);
  return toResponse(result, { route });
}

function exchangeCode(ctx: SandboxContext, store: Store, appKey: string, q: URLSearchParams): ApiResult {
  if (q.get("grant_type") !== "authorized_code") return fail(BAD_GRANT, "Invalid grant_type: only `authorized_code` is accepted.");
  const s = store.s;
  const code = s.authCodes[q.get("auth_code") ?? ""];
  if (!code || code.app_key !== appKey) return fail(BAD_GRANT, "Invalid auth_code.");
  if (code.used) return fail(BAD_GRANT, "The auth_code has already been used.");
  if (ctx.now() >= code.expires_at) return fail(BAD_GRANT, "The auth_code has expired.");
  code.used = true;
  const key = `${appKey}:${code.seller_id}`;
  const old = s.grants[key];
  if (old) delete s.refreshTokens[old.refresh_token];
  const seller = s.sellers[code.seller_id]!;
  const grant: Grant = {
    key, app_key: appKey, seller_id: seller.id, open_id: seller.open_id, scopes: DEFAULT_SCOPES,
    refresh_token: randomToken("TTP_"), refresh_expires_at: ctx.now() + cfg(ctx).refreshTokenTtlSeconds * 1000, revoked: false, created_at: ctx.now(),
  };
  s.grants[key] = grant;
  s.refreshTokens[grant.refresh_token] = key;
  return ok(issue(ctx, store, grant));
}

function refresh(ctx: SandboxContext, store: Store, appKey: string, q: URLSearchParams): ApiResult {
  if (q.get("grant_type") !== "refresh_token") return fail(BAD_GRANT, "Invalid grant_type: only `refresh_token` is accepted.");
  const s = store.s;
  const key = s.refreshTokens[q.get("refresh_token") ?? ""];
  const grant = key ? s.grants[key] : undefined;
  if (!grant || grant.app_key !== appKey) return fail(BAD_GRANT, "Invalid refresh_token.");
  if (grant.revoked) return fail(BAD_GRANT, "The authorization was revoked by the seller; authorize again.");
  if (ctx.now() >= grant.refresh_expires_at) return fail(BAD_GRANT, "The refresh_token has expired; authorize again.");
  // refresh tokens rotate: the one just used stops working
  delete s.refreshTokens[grant.refresh_token];
  grant.refresh_token = randomToken("TTP_");
  s.refreshTokens[grant.refresh_token] = key!;
  return ok(issue(ctx, store, grant));
}

function issue(ctx: SandboxContext, store: Store, grant: Grant) {
  const token = randomToken("TTP_");
  const expires = ctx.now() + cfg(ctx).accessTokenTtlSeconds * 1000;
  // earlier access tokens stay valid until their own expiry (assumed; TikTok does not document revoking them)
  store.s.accessTokens[token] = { grant: grant.key, expires_at: expires };
  ctx.save();
  const seller = store.s.sellers[grant.seller_id]!;
  return {
    access_token: token, access_token_expire_in: sec(expires), refresh_token: grant.refresh_token,
    refresh_token_expire_in: sec(grant.refresh_expires_at), open_id: grant.open_id, seller_name: seller.name,
    seller_base_region: seller.region, user_type: 0, granted_scopes: grant.scopes,
  };
}

export const DEFAULT_SCOPES = [
  "seller.authorization.info", "seller.shop.info", "seller.product.basic", "seller.product.write", "seller.global_product.info",
  "seller.global_product.write", "seller.order.info", "seller.fulfillment.basic", "seller.logistics", "seller.webhook",
];
