// The Shopify stand-in: /shopify/{shop}/admin/... (OAuth and the Admin GraphQL API 2026-10) and
// /__sandbox/shopify/... (control API). See sandbox/README.md, section "Shopify".
import crypto from "node:crypto";
import type { FaultKind, PlatformModule, SandboxRequest, SandboxResponse } from "../core/platform";
import { solidPng } from "../core/png";
import { bulkFileResponseBody, bulkFiles } from "./bulk";
import { SHOPIFY_CONFIG_DEFAULTS, validateShopifyConfig } from "./config";
import { registerShopifyApp, shopifyControl } from "./control";
import { graphqlEndpoint } from "./graphql-endpoint";
import { shopifyIndexHtml } from "./index-section";
import { accessToken, authorize } from "./oauth";
import { loadShopifySchema, SHOPIFY_API_VERSION } from "./schema-cache";
import { shopifyState } from "./state";

const notFound = (): SandboxResponse => ({ status: 404, body: { errors: "Not Found" } });
const isConsentOrFile = (req: SandboxRequest) => /^\/shopify\/[^/]+\/admin\/oauth\/authorize$/.test(req.path) || req.path.startsWith("/shopify/files/") || req.path.startsWith("/shopify/cdn/");
const isGraphql = (req: SandboxRequest) => /\/admin\/api\/[^/]+\/graphql\.json$/.test(req.path);

function faultResponse(kind: FaultKind, req: SandboxRequest): SandboxResponse {
  const requestId = crypto.randomUUID();
  if (kind === "rateLimit") {
    return isGraphql(req)
      ? { status: 200, body: { errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }] }, logCode: "THROTTLED" }
      : { status: 429, headers: { "retry-after": "2.0" }, body: { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." }, logCode: 429 };
  }
  if (kind === "timeout") return { status: 503, body: { errors: [{ message: "Timeout", extensions: { code: "TIMEOUT", requestId } }] }, logCode: "TIMEOUT" };
  return {
    status: 500, headers: { "x-request-id": requestId },
    body: { errors: [{ message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${requestId} (include this in support requests).`, extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] },
    logCode: "INTERNAL_SERVER_ERROR",
  };
}

/**
 * Product image files, as cdn.shopify.com serves them: /shopify/cdn/images/{width}x{height}/{name}.png is a PNG of
 * that size in a colour derived from the name, so products can carry real, distinct images without image files.
 */
function cdnImage(req: SandboxRequest): SandboxResponse {
  const m = /^\/shopify\/cdn\/images\/(\d{1,4})x(\d{1,4})\/([\w.-]{1,80})\.png$/.exec(req.path);
  const width = Number(m?.[1]);
  const height = Number(m?.[2]);
  if (req.method !== "GET" || !m || width < 1 || height < 1 || width > 5000 || height > 5000) return notFound();
  const hash = crypto.createHash("sha256").update(m[3]!).digest();
  return { status: 200, headers: { "content-type": "image/png", "cache-control": "public, max-age=31536000" }, body: solidPng({ width, height, rgb: [hash[0]!, hash[1]!, hash[2]!] }), logRoute: "GET cdn image" };
}

export const shopifyModule: PlatformModule = {
  platform: "shopify",
  prefix: "/shopify",
  configDefaults: SHOPIFY_CONFIG_DEFAULTS,
  validateConfig: validateShopifyConfig,
  registerApp: registerShopifyApp,
  faultResponse,
  faultExempt: isConsentOrFile,
  indexHtml: shopifyIndexHtml,
  reset: () => bulkFiles.clear(),
  start() {
    // Build the 3,500-type schema once at boot rather than on the first API call.
    try {
      loadShopifySchema();
    } catch (err) {
      console.error(`[sandbox] Shopify schema unavailable (run: npx tsx sandbox/shopify/schema-cache.ts): ${(err as Error).message}`);
    }
  },
  control: shopifyControl,
  async handle(req, ctx) {
    if (req.path.startsWith("/shopify/cdn/")) return cdnImage(req);
    if (req.path.startsWith("/shopify/files/")) {
      const body = req.method === "GET" ? bulkFileResponseBody(req.path) : null;
      return body === null ? notFound() : { status: 200, headers: { "content-type": "application/jsonl" }, body, logRoute: "GET bulk operation file" };
    }
    const m = /^\/shopify\/([^/]+)(\/.*)?$/.exec(req.path);
    if (!m) return null;
    const shop = shopifyState(ctx).shops[m[1]!];
    const rest = m[2] ?? "/";
    if (rest === "/admin/oauth/authorize") {
      if (!shop) return { status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body: "<!doctype html><h1>There's no store at this address.</h1>" };
      return authorize(req, ctx, shop);
    }
    if (!shop) return notFound();
    if (rest === "/admin/oauth/access_token") return accessToken(req, ctx, shop);
    if (rest === `/admin/api/${SHOPIFY_API_VERSION}/graphql.json`) return graphqlEndpoint(req, ctx, shop);
    if (/^\/admin\/api\/[^/]+\/graphql\.json$/.test(rest)) return { status: 404, body: { errors: `The sandbox serves only Admin API ${SHOPIFY_API_VERSION}` }, logShop: shop.domain };
    return notFound();
  },
};
