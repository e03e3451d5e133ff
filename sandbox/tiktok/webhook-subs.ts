import type { ApiCall, Route } from "./api";
import { sec } from "./config";
import { fail, ok } from "./envelope";
import { EVENT_TYPES } from "./events";

function eventType(call: ApiCall): string | null {
  const t = call.body.event_type;
  return typeof t === "string" && t in EVENT_TYPES ? t : null;
}

// Event API: one address per app, shop and topic. The real API requires https and no port; the sandbox accepts
// http and ports because receivers run locally, and says so in the README.
export const webhookRoutes: Route[] = [
  {
    method: "PUT", path: "/event/202309/webhooks",
    handler: (call) => {
      const type = eventType(call);
      if (!type) return fail(36009004, `Invalid event_type. Possible values: ${Object.keys(EVENT_TYPES).join(", ")}.`);
      const address = call.body.address;
      if (typeof address !== "string" || address.length > 255 || !/^https?:\/\/[^\s]+$/.test(address)) return fail(36009004, "Invalid address: a URL of at most 255 characters is required.");
      const shop = call.shop!;
      const byShop = ((call.store.s.webhooks[call.app.appKey] ??= {})[shop.id] ??= {});
      const now = sec(call.now);
      byShop[type] = { address, create_time: byShop[type]?.create_time ?? now, update_time: now };
      call.ctx.save();
      return ok({});
    },
  },
  {
    method: "GET", path: "/event/202309/webhooks",
    handler: (call) => {
      const subs = call.store.s.webhooks[call.app.appKey]?.[call.shop!.id] ?? {};
      const webhooks = Object.entries(subs).map(([event_type, w]) => ({ event_type, address: w.address, create_time: w.create_time, update_time: w.update_time }));
      return ok({ webhooks, total_count: webhooks.length });
    },
  },
  {
    method: "DELETE", path: "/event/202309/webhooks",
    handler: (call) => {
      const type = eventType(call);
      if (!type) return fail(36009004, `Invalid event_type. Possible values: ${Object.keys(EVENT_TYPES).join(", ")}.`);
      const subs = call.store.s.webhooks[call.app.appKey]?.[call.shop!.id];
      if (subs) delete subs[type];
      call.ctx.save();
      return ok({});
    },
  },
];
