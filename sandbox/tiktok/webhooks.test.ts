import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, APP, connectedShop, receiver, startKit, type Kit } from "./test-kit";

let kit: Kit;
let fallback: Awaited<ReturnType<typeof receiver>>;
let subscribed: Awaited<ReturnType<typeof receiver>>;
beforeEach(async () => {
  kit = await startKit();
  fallback = await receiver();
  subscribed = await receiver([500, 503]);
});
afterEach(async () => {
  await kit.close();
  await fallback.close();
  await subscribed.close();
});

describe("webhook subscriptions and delivery", () => {
  it("delivers to the Event API address, retries on the compressed schedule, and verifies", async () => {
    const { shop, token } = await connectedShop(kit, { webhookUrl: fallback.url });
    await kit.control("POST", "/__sandbox/config", { tiktok: { webhookRetrySeconds: [0.05, 0.05, 0.05] } });
    const put = await api(kit, "PUT", "/event/202309/webhooks", { token: token.access_token, cipher: shop.cipher, body: { address: subscribed.url, event_type: "ORDER_STATUS_CHANGE" } });
    expect(put.body.code).toBe(0);
    const list = await api(kit, "GET", "/event/202309/webhooks", { token: token.access_token, cipher: shop.cipher });
    expect(list.body.data).toMatchObject({ total_count: 1, webhooks: [{ event_type: "ORDER_STATUS_CHANGE", address: subscribed.url }] });
    const bad = await api(kit, "PUT", "/event/202309/webhooks", { token: token.access_token, cipher: shop.cipher, body: { address: subscribed.url, event_type: "NOPE" } });
    expect(bad.body.code).toBe(36009004);

    await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, { products: [{ title: "T", skus: [{ sellerSku: "X", price: "1", quantity: 1 }] }] });
    const order = await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/orders`, { lineItems: [{ sellerSku: "X", quantity: 1 }], status: "AWAITING_SHIPMENT" });
    const got = await subscribed.waitFor(3);
    expect(got).toHaveLength(3); // 500, 503, then 200
    expect(new Set(got.map((g) => g.json.tts_notification_id)).size).toBe(1); // retries resend the same notification
    const g = got[2]!;
    expect(g.headers.authorization).toBe(crypto.createHmac("sha256", APP.appSecret).update(APP.appKey + g.body).digest("hex"));
    expect(g.json).toMatchObject({ type: 1, shop_id: shop.shopId, data: { order_id: order.body.orderId, order_status: "AWAITING_SHIPMENT" } });
    expect(fallback.got).toHaveLength(0);
    const log = (await kit.control("GET", "/__sandbox/requests?after=0")).body;
    expect(log.rows.filter((r: { direction: string }) => r.direction === "out").map((r: { status: number }) => r.status)).toEqual([500, 503, 200]);

    await api(kit, "DELETE", "/event/202309/webhooks", { token: token.access_token, cipher: shop.cipher, body: { event_type: "ORDER_STATUS_CHANGE" } });
    await kit.control("POST", `/__sandbox/tiktok/orders/${order.body.orderId}/status`, { status: "CANCELLED" });
    const fb = await fallback.waitFor(1);
    expect(fb[0]!.json.data.order_status).toBe("CANCEL");
  });

  it("keeps shops, tokens and orders across a restart", async () => {
    const { shop, token } = await connectedShop(kit);
    await kit.control("POST", "/__sandbox/clock", { advanceSeconds: 10 });
    const dir = kit.dir;
    await kit.server.close();
    const again = await startKit(dir);
    try {
      const res = await api(again, "GET", "/authorization/202309/shops", { token: token.access_token });
      expect(res.body.data.shops[0].id).toBe(shop.shopId);
      expect((await again.control("GET", "/__sandbox/clock")).body.offsetSeconds).toBe(10);
    } finally {
      await again.close();
    }
  });
});
