// Filtered searches: every combination of windows and filters returns what a scan of the state would, in order,
// with the right total_count, and one page reads only the records it returns (never a scan of the shop).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStore } from "./store";
import type { GlobalProduct, Order, Product } from "./state";
import { api, connectedShop, startKit, type Json, type Kit } from "./test-kit";

let kit: Kit;
let shop: Json;
let t: string;
let sellerToken: string;
let base: number;
let buyerOrders: string[];

const call = (path: string, o: { query?: Record<string, string>; body?: unknown; cipher?: string | null; token?: string }) =>
  api(kit, "POST", path, { token: o.token ?? t, cipher: o.cipher === undefined ? shop.cipher : o.cipher, query: o.query, body: o.body });
const advance = (seconds: number) => kit.control("POST", "/__sandbox/clock", { advanceSeconds: seconds });

beforeAll(async () => {
  kit = await startKit();
  ({ shop, token: { access_token: t } } = await connectedShop(kit));
  await kit.control("POST", "/__sandbox/config", { tiktok: { rateLimitPerSecond: 100_000 } });
  base = Math.floor(Date.now() / 1000);
  const sku = (await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, { products: [{ title: "Socks", skus: [{ sellerSku: "SOCK", price: "4.00", quantity: 5000 }] }] })).body.products[0].skus[0].id;
  // 240 orders created over 24 minutes; a third then ships and a sixth is cancelled later, so update_time and create_time differ
  const ids: string[] = [];
  buyerOrders = [];
  for (let i = 0; i < 240; i++) {
    if (i % 10 === 0) await advance(60);
    const buyer = i % 40 === 7 ? { buyer: { userId: "7000000000000042" } } : {};
    const id = (await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/orders`, { lineItems: [{ skuId: sku, quantity: 1 }], status: "AWAITING_SHIPMENT", ...buyer })).body.orderId;
    ids.push(id);
    if (buyer.buyer) buyerOrders.push(id);
  }
  for (const [i, id] of ids.entries()) {
    if (i % 7 === 0) await advance(30);
    if (i % 3 === 0) await kit.control("POST", `/__sandbox/tiktok/orders/${id}/status`, { status: "IN_TRANSIT" });
    else if (i % 6 === 1) await kit.control("POST", `/__sandbox/tiktok/orders/${id}/status`, { status: "CANCELLED" });
  }
  // 3 batches of products created minutes apart; some are edited later
  for (let batch = 0; batch < 3; batch++) {
    await advance(600);
    const products = Array.from({ length: 150 }, (_, i) => ({ title: `P${batch}-${i}`, skus: [{ sellerSku: `P-${batch}-${i}`, price: "9.00", quantity: 3 }] }));
    await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, { products });
  }
  const some = Object.values(getStore(kit.server.ctx).s.products).filter((p) => p.live.title.startsWith("P0-")).slice(0, 40);
  for (const [i, p] of some.entries()) {
    if (i % 5 === 0) await advance(45);
    await api(kit, "POST", `/product/202309/products/${p.id}/prices/update`, { token: t, cipher: shop.cipher, body: { skus: [{ id: p.live.skus[0]!.id, price: { amount: "8.00", currency: "USD" } }] } });
  }
  // a cross-border seller's global products, two batches an hour apart
  const gb = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "Global GB", region: "GB", sellerType: "CROSS_BORDER" })).body;
  const de = (await kit.control("POST", "/__sandbox/tiktok/shops", { name: "Global DE", region: "DE", sellerType: "CROSS_BORDER", sellerId: gb.sellerId })).body;
  for (let batch = 0; batch < 2; batch++) {
    await advance(3600);
    const products = Array.from({ length: 40 }, (_, i) => ({ title: `G${batch}-${i}`, skus: [{ sellerSku: `G-${batch}-${i}`, price: "5.00", quantity: 1 }] }));
    await kit.control("POST", "/__sandbox/tiktok/global-products", { products, publishTo: [gb.shopId, de.shopId] });
  }
  const { code } = (await kit.control("POST", "/__sandbox/tiktok/authorize", { appKey: "29a39d", shopId: gb.shopId })).body;
  const tok = await (await fetch(`${kit.url}/tiktok/auth/api/v2/token/get?app_key=29a39d&app_secret=e59af819cc&auth_code=${code}&grant_type=authorized_code`)).json();
  sellerToken = tok.data.access_token;
}, 120_000);

afterAll(async () => {
  await kit.close();
});

/** Reads every page of a search and returns the ids in order and every total_count seen. */
async function readAll(path: string, o: { query?: Record<string, string>; body: unknown; list: string; cipher?: string | null; token?: string }) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let token = "";
  do {
    const r = await call(path, { ...o, query: { page_size: "7", ...o.query, ...(token ? { page_token: token } : {}) } });
    expect(r.body.code).toBe(0);
    ids.push(...r.body.data[o.list].map((x: Json) => x.id));
    totals.add(r.body.data.total_count);
    token = r.body.data.next_page_token;
  } while (token);
  return { ids, totals: [...totals] };
}

const byTime = <T extends { id: string }>(field: keyof T, desc: boolean) => (a: T, b: T) => {
  const d = (a[field] as number) - (b[field] as number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return desc ? -d : d;
};
const within = (v: number, ge?: number, lt?: number) => (ge === undefined || v >= ge) && (lt === undefined || v < lt);

/**
 * Counts how often a search reads a record of the given kind out of the state. The debounced state file write
 * (JSON.stringify of everything) may run meanwhile; its reads are not the search's.
 */
async function recordsRead(kind: "orders" | "products", run: () => Promise<unknown>): Promise<number> {
  const s = getStore(kit.server.ctx).s as unknown as Record<typeof kind, Record<string, unknown>>;
  const original = s[kind];
  let reads = 0;
  const counted = (key: string | symbol, target: object) => typeof key === "string" && key in target && !new Error().stack?.includes("JSON.stringify");
  s[kind] = new Proxy(original, { get: (target, key, receiver) => ((counted(key, target) && reads++), Reflect.get(target, key, receiver)) });
  try {
    await run();
  } finally {
    s[kind] = original;
  }
  return reads;
}

describe("order search", () => {
  const orders = () => Object.values(getStore(kit.server.ctx).s.orders).filter((o) => o.shop_id === shop.shopId);
  const at = (minutes: number) => base + minutes * 60;

  // times are minutes after the first order; the orders were created in minutes 1-24 and updated in 24-42
  it.each([
    ["the default create_time DESC with an update_time window", {}, { update_time_ge: 26, update_time_lt: 40 }],
    ["update_time ASC with a create_time window", { sort_field: "update_time", sort_order: "ASC" }, { create_time_ge: 5, create_time_lt: 12 }],
    ["create_time ASC with both windows and a status", { sort_field: "create_time", sort_order: "ASC" }, { create_time_ge: 3, create_time_lt: 20, update_time_ge: 28, order_status: "IN_TRANSIT" }],
    ["update_time DESC with a status only", { sort_field: "update_time" }, { order_status: "CANCELLED" }],
    ["a warehouse and an update_time window", {}, { warehouse_ids: ["__WH__"], update_time_lt: 30 }],
    ["an unknown warehouse", {}, { warehouse_ids: ["706000"] }],
    ["one buyer with a status", { sort_order: "ASC" }, { buyer_user_id: "7000000000000042", order_status: "AWAITING_SHIPMENT" }],
  ])("matches a scan: %s", async (_name, query: Record<string, string>, rawBody: Record<string, unknown>) => {
    const body = JSON.parse(JSON.stringify(rawBody).replace("__WH__", shop.warehouseIds[0]));
    for (const k of Object.keys(body)) if (k.includes("_time_")) body[k] = at(body[k]);
    const field = (query.sort_field ?? "create_time") as "create_time" | "update_time";
    const desc = (query.sort_order ?? "DESC") === "DESC";
    const want = orders()
      .filter((o: Order) => within(o.create_time, body.create_time_ge, body.create_time_lt) && within(o.update_time, body.update_time_ge, body.update_time_lt)
        && (!body.order_status || o.status === body.order_status) && (!body.warehouse_ids || body.warehouse_ids.includes(o.warehouse_id))
        && (!body.buyer_user_id || o.buyer.user_id === body.buyer_user_id))
      .sort(byTime<Order>(field, desc)).map((o) => o.id);
    const got = await readAll("/order/202309/orders/search", { query, body, list: "orders" });
    expect(got.ids).toEqual(want);
    expect(got.totals).toEqual([want.length]);
    if (body.buyer_user_id) expect(want.length).toBeGreaterThan(0);
  });

  it("reads only the page it returns, even when the window excludes most orders", async () => {
    const body = { update_time_ge: at(26), update_time_lt: at(40) };
    const reads = await recordsRead("orders", async () => {
      const r = await call("/order/202309/orders/search", { query: { page_size: "5" }, body });
      expect(r.body.data.orders).toHaveLength(5);
      expect(r.body.data.total_count).toBeGreaterThan(20);
    });
    expect(reads).toBeLessThanOrEqual(5 * 2);
    expect(buyerOrders.length).toBe(6);
  });
});

describe("product search", () => {
  const products = () => Object.values(getStore(kit.server.ctx).s.products).filter((p) => p.shop_id === shop.shopId);
  const created = (batch: number) => products().find((p) => p.live.title === `P${batch}-0`)!.create_time;

  it.each([
    ["a create_time window", () => ({ create_time_ge: created(1), create_time_le: created(1) })],
    ["create_time and update_time windows", () => ({ create_time_le: created(0), update_time_ge: created(2) })],
    ["a create_time window and a status", () => ({ create_time_ge: created(0), status: "ACTIVATE" })],
    ["seller SKUs with a create_time window", () => ({ seller_skus: ["P-0-1", "P-1-1", "P-2-1"], create_time_ge: created(1) })],
  ])("matches a scan: %s", async (_name, makeBody) => {
    const body = makeBody() as Record<string, Json>;
    const want = products()
      .filter((p: Product) => within(p.create_time, body.create_time_ge, body.create_time_le === undefined ? undefined : body.create_time_le + 1)
        && within(p.update_time, body.update_time_ge, undefined) && (!body.status || p.status === body.status)
        && (!body.seller_skus || p.live.skus.some((k) => body.seller_skus.includes(k.seller_sku))))
      .sort(byTime<Product>("update_time", true)).map((p) => p.id);
    expect(want.length).toBeGreaterThan(0);
    const got = await readAll("/product/202502/products/search", { body, list: "products" });
    expect(got.ids).toEqual(want);
    expect(got.totals).toEqual([want.length]);
  });

  it("reads only the page it returns for a create_time window", async () => {
    const second = created(1);
    const reads = await recordsRead("products", async () => {
      const r = await call("/product/202502/products/search", { query: { page_size: "10" }, body: { create_time_ge: second, create_time_le: second } });
      expect(r.body.data.products).toHaveLength(10);
      expect(r.body.data.total_count).toBe(150);
    });
    expect(reads).toBeLessThanOrEqual(10 * 2);
  });
});

describe("global product search", () => {
  it("matches a scan with a create_time window", async () => {
    const all = Object.values(getStore(kit.server.ctx).s.globalProducts);
    const second = all.find((g) => g.content.title === "G1-0")!.create_time;
    const want = all.filter((g: GlobalProduct) => g.create_time >= second).sort(byTime<GlobalProduct>("update_time", true)).map((g) => g.id);
    expect(want).toHaveLength(40);
    const got = await readAll("/product/202312/global_products/search", { body: { create_time_ge: second }, list: "global_products", cipher: null, token: sellerToken });
    expect(got.ids).toEqual(want);
    expect(got.totals).toEqual([40]);
  });
});
