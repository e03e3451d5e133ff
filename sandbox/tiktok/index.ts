import type { PlatformModule, SandboxRequest } from "../core/platform";
import { handleOpenApi, OPEN_API_PREFIX, clearRateWindows, type Route } from "./api";
import { registerApp } from "./apps";
import { TIKTOK_DEFAULTS, validateConfig } from "./config";
import { tiktokControl } from "./control";
import { E, toResponse } from "./envelope";
import { fulfillmentRoutes } from "./fulfillment";
import { globalRoutes } from "./global-products";
import { tiktokIndexHtml } from "./index-section";
import { logisticsRoutes } from "./logistics";
import { authorizePage, tokenService } from "./oauth";
import { settleOrders } from "./order-model";
import { orderRoutes } from "./orders-api";
import { productWriteRoutes } from "./product-edit";
import { clearImageBytes, IMAGE_PATH_PREFIX, imageRoutes, servedImage } from "./product-images";
import { productReadRoutes } from "./product-search";
import { settleReviews } from "./review";
import { shopRoutes } from "./shops";
import { dropStore, getStore } from "./store";
import { webhookRoutes } from "./webhook-subs";

export const TIKTOK_ROUTES: Route[] = [
  ...shopRoutes, ...productReadRoutes, ...productWriteRoutes, ...imageRoutes, ...globalRoutes, ...orderRoutes, ...fulfillmentRoutes, ...logisticsRoutes, ...webhookRoutes,
];

const isConsent = (req: SandboxRequest) => req.path === "/tiktok/oauth/authorize";
// image files are served like a CDN, outside the API: faults never touch them
const isFaultExempt = (req: SandboxRequest) => isConsent(req) || req.path.startsWith(IMAGE_PATH_PREFIX);

export const tiktokModule: PlatformModule = {
  platform: "tiktok",
  prefix: "/tiktok",
  configDefaults: { ...TIKTOK_DEFAULTS },
  validateConfig,
  async handle(req, ctx) {
    if (isConsent(req)) return authorizePage(req, ctx);
    if (req.path === "/tiktok/auth/api/v2/token/get") return tokenService(req, ctx, "get");
    if (req.path === "/tiktok/auth/api/v2/token/refresh") return tokenService(req, ctx, "refresh");
    if (req.path.startsWith(`${OPEN_API_PREFIX}/`)) return handleOpenApi(req, ctx, TIKTOK_ROUTES);
    if (req.method === "GET" && req.path.startsWith(IMAGE_PATH_PREFIX)) {
      const image = servedImage(req.path);
      return image ? { status: 200, headers: { "content-type": image.type }, body: image.data, logRoute: "GET product image" } : { status: 404, body: "Not Found" };
    }
    return null;
  },
  control: tiktokControl,
  registerApp,
  faultExempt: isFaultExempt,
  indexHtml: tiktokIndexHtml,
  faultResponse(kind, req) {
    const route = req.path.startsWith(OPEN_API_PREFIX) ? req.path.slice(OPEN_API_PREFIX.length) : req.path;
    const r = kind === "error" ? E.internal() : kind === "rateLimit" ? E.rateLimited() : E.timeout();
    return toResponse(r, { route });
  },
  start(ctx) {
    ctx.every("tiktok-timers", 1000, () => {
      const store = getStore(ctx);
      settleOrders(ctx, store);
      settleReviews(ctx, store);
    });
  },
  reset() {
    dropStore();
    clearRateWindows();
    clearImageBytes();
  },
};
