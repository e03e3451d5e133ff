// Shopify's authorization code grant: the install page, the HMAC-signed redirect, and the token
// endpoint (expiring offline tokens with rotating refresh tokens when `expiring: 1`).
import crypto from "node:crypto";
import type { SandboxContext, SandboxRequest, SandboxResponse } from "../core/platform";
import { shopifyConfig } from "./config";
import { shopifyState, type ShopRec } from "./state";

const CODE_TTL_MS = 10 * 60 * 1000; // Shopify does not document it; codes are short-lived and single-use.

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const page = (status: number, title: string, body: string): SandboxResponse => ({
  status, headers: { "content-type": "text/html; charset=utf-8" },
  body: `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto">${body}</body></html>`,
});
const oauthError = (message: string) => page(400, "Oauth error", `<h1>Oauth error invalid_request</h1><p>${esc(message)}</p>`);

/** The callback signature: drop hmac and signature, sort, join k=v with &, hex HMAC-SHA256 with the client secret. */
export function signCallback(params: Record<string, string>, secret: string): string {
  const message = Object.keys(params).filter((k) => k !== "hmac" && k !== "signature").sort().map((k) => `${k}=${params[k]}`).join("&");
  return crypto.createHmac("sha256", secret).update(message).digest("hex");
}

function appFor(ctx: SandboxContext, clientId: string) {
  const app = ctx.apps("shopify")[clientId];
  return app ? (app as { clientId: string; clientSecret: string; redirectUrl: string; complianceWebhookUrl?: string }) : null;
}

function params(req: SandboxRequest): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(req.url.searchParams);
  if (req.body && typeof req.body === "object") for (const [k, v] of Object.entries(req.body)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}

function redirectAllowed(registered: string, requested: string): boolean {
  try {
    const a = new URL(registered);
    const b = new URL(requested);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

function redirectWithCode(ctx: SandboxContext, shop: ShopRec, app: { clientId: string; clientSecret: string }, p: Record<string, string>): SandboxResponse {
  const st = shopifyState(ctx);
  const code = crypto.randomBytes(16).toString("hex");
  const scope = p.scope ?? "";
  st.codes[code] = { shop: shop.domain, clientId: app.clientId, scope, expiresAt: ctx.now() + CODE_TTL_MS };
  shop.installs[app.clientId] = { scope, installedAt: new Date(ctx.now()).toISOString() };
  ctx.save();
  const query: Record<string, string> = {
    code, host: Buffer.from(`admin.shopify.com/store/${shop.domain.replace(/\.myshopify\.com$/, "")}`).toString("base64").replace(/=+$/, ""),
    shop: shop.domain, timestamp: String(Math.floor(ctx.wallNow() / 1000)),
  };
  if (p.state !== undefined) query.state = p.state;
  query.hmac = signCallback(query, app.clientSecret);
  const target = new URL(p.redirect_uri!);
  for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
  return { status: 302, headers: { location: target.toString() }, body: "", logRoute: "GET /admin/oauth/authorize", logShop: shop.domain, logCode: "redirect" };
}

/** GET shows the install page; POST (the page's form) answers Install or Cancel. */
export function authorize(req: SandboxRequest, ctx: SandboxContext, shop: ShopRec): SandboxResponse {
  const p = params(req);
  const app = appFor(ctx, p.client_id ?? "");
  if (!app) return oauthError(`Could not find Shopify API application with api_key ${p.client_id ?? ""}`);
  if (!p.redirect_uri || !redirectAllowed(app.redirectUrl, p.redirect_uri)) return oauthError("The redirect_uri is not whitelisted");
  const scopes = (p.scope ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (scopes.some((s) => !/^(unauthenticated_)?(read|write)_[a-z_]+$/.test(s))) return oauthError(`Invalid scope: ${p.scope}`);
  if (req.method === "POST") {
    if (p.decision === "cancel") return page(200, "App not installed", `<h1>App not installed</h1><p>${esc(app.clientId)} was not installed on ${esc(shop.name)}.</p>`);
    return redirectWithCode(ctx, shop, app, p);
  }
  // An app already installed with every requested scope is sent straight back, as Shopify does.
  const installed = shop.installs[app.clientId];
  if (installed && scopes.every((s) => installed.scope.split(",").includes(s))) return redirectWithCode(ctx, shop, app, p);
  const hidden = ["client_id", "scope", "redirect_uri", "state"].filter((k) => p[k] !== undefined).map((k) => `<input type="hidden" name="${k}" value="${esc(p[k]!)}">`).join("");
  return page(200, `Install app on ${shop.name}`, `<h1>Install app</h1>
<p>The app <strong>${esc(app.clientId)}</strong> wants to be installed on <strong>${esc(shop.name)}</strong> (${esc(shop.domain)}) with these permissions:</p>
<ul>${scopes.map((s) => `<li><code>${esc(s)}</code></li>`).join("")}</ul>
<form method="post" action="/shopify/${esc(shop.domain)}/admin/oauth/authorize">${hidden}
<button type="submit" name="decision" value="install">Install app</button>
<button type="submit" name="decision" value="cancel">Cancel</button></form>`);
}

const tokenError = (status: number, error: string, description: string): SandboxResponse => ({ status, body: { error, error_description: description }, logCode: error });

function issueTokens(ctx: SandboxContext, from: { shop: string; clientId: string; scope: string }, expiring: boolean): Record<string, unknown> {
  const grant = { shop: from.shop, clientId: from.clientId, scope: from.scope };
  const st = shopifyState(ctx);
  const cfg = shopifyConfig(ctx);
  const accessToken = `shpat_${crypto.randomBytes(16).toString("hex")}`;
  if (!expiring) {
    st.tokens[accessToken] = { ...grant, expiresAt: null };
    return { access_token: accessToken, scope: grant.scope };
  }
  const refreshToken = `shprt_${crypto.randomBytes(16).toString("hex")}`;
  st.tokens[accessToken] = { ...grant, expiresAt: ctx.now() + cfg.accessTokenTtlSeconds * 1000 };
  st.refreshTokens[refreshToken] = { ...grant, expiresAt: ctx.now() + cfg.refreshTokenTtlSeconds * 1000 };
  return { access_token: accessToken, expires_in: cfg.accessTokenTtlSeconds, refresh_token: refreshToken, refresh_token_expires_in: cfg.refreshTokenTtlSeconds, scope: grant.scope };
}

export function accessToken(req: SandboxRequest, ctx: SandboxContext, shop: ShopRec): SandboxResponse {
  if (req.method !== "POST") return { status: 405, body: { errors: "Method Not Allowed" } };
  const p = params(req);
  const st = shopifyState(ctx);
  const app = appFor(ctx, p.client_id ?? "");
  const secretOk = app && typeof p.client_secret === "string" && p.client_secret.length === app.clientSecret.length
    && crypto.timingSafeEqual(Buffer.from(p.client_secret), Buffer.from(app.clientSecret));
  if (!app || !secretOk) return tokenError(401, "invalid_client", "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.");
  const out = (body: Record<string, unknown>): SandboxResponse => {
    ctx.save();
    return { status: 200, body, logShop: shop.domain };
  };
  if (p.grant_type === "refresh_token") {
    const grant = st.refreshTokens[p.refresh_token ?? ""];
    if (!grant || grant.used || grant.shop !== shop.domain || grant.clientId !== app.clientId || (grant.expiresAt !== null && grant.expiresAt <= ctx.now()) || !shop.installs[app.clientId]) {
      return tokenError(400, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.");
    }
    grant.used = true; // rotation: a refresh token works once
    return out(issueTokens(ctx, grant, true));
  }
  if (p.grant_type !== undefined && p.grant_type !== "authorization_code") return tokenError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
  const grant = st.codes[p.code ?? ""];
  if (!grant || grant.used || grant.shop !== shop.domain || grant.clientId !== app.clientId || (grant.expiresAt !== null && grant.expiresAt <= ctx.now())) {
    return tokenError(400, "invalid_request", "The authorization code was not found or was already used");
  }
  grant.used = true;
  return out(issueTokens(ctx, grant, p.expiring === "1" || p.expiring === "true"));
}

/** The grant behind an X-Shopify-Access-Token, or null when unknown, expired, for another shop, or the app was uninstalled. */
export function authenticate(req: SandboxRequest, ctx: SandboxContext, shop: ShopRec): { clientId: string; scope: string } | null {
  const token = req.headers["x-shopify-access-token"];
  if (!token) return null;
  const grant = shopifyState(ctx).tokens[token];
  if (!grant || grant.shop !== shop.domain || !shop.installs[grant.clientId]) return null;
  if (grant.expiresAt !== null && grant.expiresAt <= ctx.now()) return null;
  return { clientId: grant.clientId, scope: grant.scope };
}
