// Search, sort keys and paging of products, productVariants, orders and fulfillmentOrders: every case matches
// a scan of the state in the requested order, through every page, forwards and backwards; range searches read
// only the page; unknown search fields warn like Shopify; valid but unimplemented fields and sort keys error.
import { beforeAll, describe, expect, it } from "vitest";
import { shopifyState, type FulfillmentOrderRec, type OrderRec, type ProductRec, type ShopRec, type VariantRec } from "./state";
import { call, fakeContext, gql, installedShop, SHOP, type FakeContext } from "./test-context";

let ctx: FakeContext;
let token: string;
let shop: ShopRec;
const times: Record<string, string> = {};

const gidNum = (id: string) => Number(id.split("/").pop());

beforeAll(async () => {
  ctx = fakeContext();
  ctx.setConfig({ bucketSize: 10_000_000, restoreRate: 10_000_000 }); // many pages in a row; throttling is tested elsewhere
  ({ access_token: token } = await installedShop(ctx));
  shop = shopifyState(ctx).shops[SHOP]!;
  const names = ["Alpha", "beta", "Gamma", "alpine"];
  for (let batch = 0; batch < 3; batch++) {
    ctx.advance(600);
    times[`batch${batch}`] = new Date(ctx.now()).toISOString().replace(/\.\d+Z$/, "Z");
    const products = Array.from({ length: 60 }, (_, i) => ({
      title: `${names[(i + batch) % 4]} ${batch}-${i}`, descriptionHtml: "", status: i % 5 === 0 ? "DRAFT" : i % 7 === 0 ? "ARCHIVED" : "ACTIVE",
      tags: i % 3 === 0 ? ["Sale"] : [], variants: [{ sku: `S-${batch}-${i}-a`, price: "5.00", inventoryQuantity: 9 }, { sku: `s-${batch}-${i}-B`, price: "6.00", inventoryQuantity: 9 }],
    }));
    await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/products`, { body: { products } });
  }
  // later edits move updatedAt away from createdAt, out of id order
  const some = Object.values(shop.products).filter((p) => p.id % 4 === 1).slice(0, 40);
  for (const [i, p] of some.entries()) {
    if (i % 4 === 0) ctx.advance(90);
    await call(ctx, "PATCH", `/__sandbox/shopify/shops/${SHOP}/products/${p.id}`, { body: i % 2 ? { title: `Zed ${p.title}` } : { status: "ACTIVE", variants: [{ sku: p.variantIds.length ? shop.variants[p.variantIds[0]!]!.sku! : "", price: "4.00" }] } });
  }
  times.edits = new Date(ctx.now() - 200_000).toISOString().replace(/\.\d+Z$/, "Z");
  const variant = Object.values(shop.variants)[0]!;
  for (let i = 0; i < 30; i++) {
    if (i % 5 === 0) ctx.advance(120);
    const order = { lineItems: [{ variantId: `gid://shopify/ProductVariant/${variant.id}`, quantity: 1 + (i % 3) }], tags: i % 2 ? ["TikTok"] : [], processedAt: new Date(Date.UTC(2026, 0, 30 - i)).toISOString() };
    await gql(ctx, token, `mutation($order: OrderCreateOrderInput!) { orderCreate(order: $order) { userErrors { message } } }`, { order });
  }
  times.orders = new Date(ctx.now()).toISOString().replace(/\.\d+Z$/, "Z");
  const orders = Object.values(shop.orders);
  for (const [i, o] of orders.entries()) {
    ctx.advance(30);
    if (i % 4 === 0) await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/orders/${o.id}/fulfill`, { body: { trackingNumber: `1Z${i}`, company: "UPS" } });
    else if (i % 4 === 1) await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/orders/${o.id}/cancel`, { body: {} });
    else if (i % 4 === 2 && o.lineItems[0]!.quantity > 1) {
      await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/orders/${o.id}/fulfill`, { body: { trackingNumber: `1Z${i}`, company: "UPS", lineItems: [{ lineItemId: o.lineItems[0]!.id, quantity: 1 }] } });
    }
  }
}, 60_000);

type Conn = "products" | "productVariants" | "orders" | "fulfillmentOrders";
interface Case<T> { conn: Conn; query?: string; sortKey?: string; reverse?: boolean; extra?: string; want: (r: T) => boolean; by: (r: T) => number | string }

const ts = (iso: string) => Date.parse(iso);
const records = (conn: Conn): { id: number }[] =>
  Object.values(conn === "products" ? shop.products : conn === "productVariants" ? shop.variants : conn === "orders" ? shop.orders : shop.fulfillmentOrders);

/** All ids, reading every page forwards (first/after) and then backwards (last/before). */
async function readAll(c: Case<never>): Promise<{ forward: number[]; backward: number[] }> {
  const args = [c.query ? `query: ${JSON.stringify(c.query)}` : "", c.sortKey ? `sortKey: ${c.sortKey}` : "", c.reverse ? "reverse: true" : "", c.extra ?? ""].filter(Boolean).join(", ");
  const page = async (more: string) => {
    const res = await gql(ctx, token, `{ ${c.conn}(${[args, more].filter(Boolean).join(", ")}) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data![c.conn];
  };
  const forward: number[] = [];
  let after: string | null = null;
  for (;;) {
    const p = await page(`first: 7${after ? `, after: "${after}"` : ""}`);
    forward.push(...p.edges.map((e: { node: { id: string } }) => gidNum(e.node.id)));
    expect(p.pageInfo.hasPreviousPage).toBe(after !== null && forward.length > p.edges.length);
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  const backward: number[] = [];
  let before: string | null = null;
  for (;;) {
    const p = await page(`last: 7${before ? `, before: "${before}"` : ""}`);
    backward.unshift(...p.edges.map((e: { node: { id: string } }) => gidNum(e.node.id)));
    if (!p.pageInfo.hasPreviousPage) break;
    before = p.pageInfo.startCursor;
  }
  return { forward, backward };
}

function expected<T extends { id: number }>(c: Case<T>): number[] {
  const list = (records(c.conn) as T[]).filter(c.want);
  list.sort((a, b) => {
    const x = c.by(a);
    const y = c.by(b);
    return (x !== y ? (x < y ? -1 : 1) : a.id - b.id) * (c.reverse ? -1 : 1);
  });
  return list.map((r) => r.id);
}

const P = (c: Omit<Case<ProductRec>, "conn">): Case<ProductRec> => ({ conn: "products", ...c });
const V = (c: Omit<Case<VariantRec>, "conn">): Case<VariantRec> => ({ conn: "productVariants", ...c });
const O = (c: Omit<Case<OrderRec>, "conn">): Case<OrderRec> => ({ conn: "orders", ...c });
const F = (c: Omit<Case<FulfillmentOrderRec>, "conn">): Case<FulfillmentOrderRec> => ({ conn: "fulfillmentOrders", ...c });
const open = (fo: FulfillmentOrderRec) => fo.status !== "CLOSED" && fo.status !== "CANCELLED";

// built lazily: the thresholds come from the seeded data
const cases = (): [string, Case<never>][] => ([
  ["products, no query, by id", P({ want: () => true, by: (p) => p.id })],
  ["products updated since the edits (the app's incremental read)", P({ query: `updated_at:>='${times.edits}'`, want: (p) => ts(p.updatedAt) >= ts(times.edits!), by: (p) => p.id })],
  ["products in an updated_at window by UPDATED_AT, reversed", P({ query: `updated_at:>'${times.batch1}' updated_at:<'${times.edits}'`, sortKey: "UPDATED_AT", reverse: true, want: (p) => ts(p.updatedAt) > ts(times.batch1!) && ts(p.updatedAt) < ts(times.edits!), by: (p) => ts(p.updatedAt) })],
  ["products created from batch 1 on, by UPDATED_AT", P({ query: `created_at:>='${times.batch1}'`, sortKey: "UPDATED_AT", want: (p) => ts(p.createdAt) >= ts(times.batch1!), by: (p) => ts(p.updatedAt) })],
  ["draft products by CREATED_AT", P({ query: "status:draft", sortKey: "CREATED_AT", want: (p) => p.status === "DRAFT", by: (p) => ts(p.createdAt) })],
  ["active products updated since batch 2, by UPDATED_AT", P({ query: `status:ACTIVE updated_at:>='${times.batch2}'`, sortKey: "UPDATED_AT", want: (p) => p.status === "ACTIVE" && ts(p.updatedAt) >= ts(times.batch2!), by: (p) => ts(p.updatedAt) })],
  ["products tagged sale, by TITLE", P({ query: "tag:sale", sortKey: "TITLE", want: (p) => p.tags.includes("Sale"), by: (p) => p.title.toLowerCase() })],
  ["products by TITLE, reversed", P({ sortKey: "TITLE", reverse: true, want: () => true, by: (p) => p.title.toLowerCase() })],
  ["products whose title starts with alp", P({ query: "title:alp*", want: (p) => p.title.toLowerCase().startsWith("alp"), by: (p) => p.id })],
  ["products with either of two SKUs", P({ query: "sku:S-1-3-a OR sku:s-2-8-B", want: (p) => p.variantIds.some((v) => ["S-1-3-a", "s-2-8-B"].includes(shop.variants[v]!.sku!)), by: (p) => p.id })],
  ["products not archived, by UPDATED_AT reversed", P({ query: "-status:archived", sortKey: "UPDATED_AT", reverse: true, want: (p) => p.status !== "ARCHIVED", by: (p) => ts(p.updatedAt) })],
  ["products above an id", P({ query: `id:>${Object.values(shop.products)[100]!.id}`, want: (p) => p.id > Object.values(shop.products)[100]!.id, by: (p) => p.id })],
  ["variants updated since the edits, by SKU", V({ query: `updated_at:>='${times.edits}'`, sortKey: "SKU", want: (v) => ts(v.updatedAt) >= ts(times.edits!), by: (v) => (v.sku ?? "").toLowerCase() })],
  ["variants by SKU", V({ sortKey: "SKU", want: () => true, by: (v) => (v.sku ?? "").toLowerCase() })],
  ["variants by TITLE, reversed", V({ sortKey: "TITLE", reverse: true, want: () => true, by: (v) => v.title.toLowerCase() })],
  ["variants of one product", V({ query: `product_id:${Object.values(shop.products)[7]!.id}`, want: (v) => v.productId === Object.values(shop.products)[7]!.id, by: (v) => v.id })],
  ["open orders by UPDATED_AT", O({ query: "status:open", sortKey: "UPDATED_AT", want: (o) => !o.cancelledAt && !o.closedAt, by: (o) => ts(o.updatedAt) })],
  // orders sort by PROCESSED_AT unless told otherwise: the schema's default for sortKey
  ["orders, no query, in the default order", O({ want: () => true, by: (o) => ts(o.processedAt) })],
  ["orders updated since they were all placed, reversed", O({ query: `updated_at:>='${times.orders}'`, reverse: true, want: (o) => ts(o.updatedAt) >= ts(times.orders!), by: (o) => ts(o.processedAt) })],
  ["orders updated since they were all placed, by ID", O({ query: `updated_at:>='${times.orders}'`, sortKey: "ID", want: (o) => ts(o.updatedAt) >= ts(times.orders!), by: (o) => o.id })],
  ["orders by PROCESSED_AT", O({ sortKey: "PROCESSED_AT", want: () => true, by: (o) => ts(o.processedAt) })],
  ["TikTok-tagged orders by ORDER_NUMBER", O({ query: "tag:tiktok", sortKey: "ORDER_NUMBER", want: (o) => o.tags.includes("TikTok"), by: (o) => o.number })],
  ["cancelled orders by CREATED_AT reversed", O({ query: "status:cancelled", sortKey: "CREATED_AT", reverse: true, want: (o) => !!o.cancelledAt, by: (o) => ts(o.createdAt) })],
  ["open fulfillment orders (the default)", F({ want: open, by: (fo) => fo.id })],
  ["all fulfillment orders by UPDATED_AT", F({ extra: "includeClosed: true", sortKey: "UPDATED_AT", want: () => true, by: (fo) => ts(fo.updatedAt) })],
  ["closed fulfillment orders", F({ extra: "includeClosed: true", query: "status:closed", want: (fo) => fo.status === "CLOSED", by: (fo) => fo.id })],
  ["in-progress fulfillment orders at the primary location", F({ query: `status:in_progress assigned_location_id:${shop.locations[0]!.id}`, want: (fo) => fo.status === "IN_PROGRESS", by: (fo) => fo.id })],
  ["fulfillment orders updated since the orders were placed, by UPDATED_AT", F({ extra: "includeClosed: true", query: `updated_at:>='${times.orders}'`, sortKey: "UPDATED_AT", reverse: true, want: (fo) => ts(fo.updatedAt) >= ts(times.orders!), by: (fo) => ts(fo.updatedAt) })],
] as [string, Case<never>][]);

describe("search, sort keys and paging", () => {
  it("covers every case against a scan, forwards and backwards", async () => {
    for (const [name, c] of cases()) {
      const want = expected(c);
      const got = await readAll(c);
      expect(got.forward, name).toEqual(want);
      expect(got.backward, name).toEqual(want);
      // the seed makes each case non-trivial
      expect(want.length, name).toBeGreaterThan(0);
      expect(want.length, name).toBeLessThanOrEqual(records(c.conn).length);
    }
  });

  it("a range search reads only the page, not the catalog", async () => {
    const reads = { n: 0 };
    const original = shop.products;
    shop.products = new Proxy(original, { get: (t, k, r) => ((typeof k === "string" && k in t && reads.n++), Reflect.get(t, k, r)) });
    try {
      const res = await gql(ctx, token, `{ products(first: 5, query: "updated_at:>='${times.batch2}'", sortKey: UPDATED_AT) { nodes { id } } }`);
      expect(res.body.data!.products.nodes).toHaveLength(5);
    } finally {
      shop.products = original;
    }
    expect(reads.n).toBeLessThanOrEqual(5 * 2);
    expect(Object.keys(shop.products).length).toBe(180);
  });

  it("keeps its place when the last item read changes: cursors carry the sort value", async () => {
    const q = (after?: string) => gql(ctx, token, `{ products(first: 3, sortKey: UPDATED_AT${after ? `, after: "${after}"` : ""}) { nodes { id } pageInfo { endCursor } } }`);
    const first = await q();
    const second = (await q(first.body.data!.products.pageInfo.endCursor)).body.data!.products.nodes;
    const last = first.body.data!.products.nodes[2].id;
    ctx.advance(5);
    await call(ctx, "PATCH", `/__sandbox/shopify/shops/${SHOP}/products/${gidNum(last)}`, { body: { title: "Moved to the end" } });
    const again = (await q(first.body.data!.products.pageInfo.endCursor)).body.data!.products.nodes;
    expect(again).toEqual(second);
  });
});

describe("counts", () => {
  it("productsCount follows the search; productVariantsCount counts every variant; both cap at the limit", async () => {
    const products = Object.values(shop.products);
    const drafts = products.filter((p) => p.status === "DRAFT").length;
    const variants = Object.keys(shop.variants).length;
    const res = await gql(ctx, token, `{
      all: productsCount { count precision }
      drafts: productsCount(query: "status:draft") { count precision }
      capped: productsCount(limit: 10) { count precision }
      variants: productVariantsCount { count precision }
      uncapped: productVariantsCount(limit: null) { count precision }
      few: productVariantsCount(limit: 7) { count precision }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      all: { count: products.length, precision: "EXACT" },
      drafts: { count: drafts, precision: "EXACT" },
      capped: { count: 10, precision: "AT_LEAST" },
      variants: { count: variants, precision: "EXACT" },
      uncapped: { count: variants, precision: "EXACT" },
      few: { count: 7, precision: "AT_LEAST" },
    });
    expect(drafts).toBeGreaterThan(0);
  });
});

describe("search fields and sort keys the sandbox does not serve", () => {
  it("ignores a field Shopify does not know and warns in extensions.search, as Shopify does", async () => {
    const res = await gql(ctx, token, `{ products(first: 100, query: "status:draft colour:red -flavour:mint") { nodes { id } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.products.nodes.map((n: { id: string }) => gidNum(n.id))).toEqual(Object.values(shop.products).filter((p) => p.status === "DRAFT").map((p) => p.id));
    expect((res.body.extensions as Record<string, unknown>).search).toEqual([{
      path: ["products"], query: "status:draft colour:red -flavour:mint",
      parsed: { and: [{ field: "status", match_all: "draft" }, { field: "colour", match_all: "red" }, { not: { field: "flavour", match_all: "mint" } }] },
      warnings: [{ field: "colour", message: "Invalid search field for this query.", code: "invalid_field" }, { field: "flavour", message: "Invalid search field for this query.", code: "invalid_field" }],
    }]);
    const aliased = await gql(ctx, token, `{ mine: orders(first: 1, query: "colour:red") { nodes { id } } }`);
    expect((aliased.body.extensions as unknown as { search: { path: string[] }[] }).search[0]!.path).toEqual(["mine"]);
    const clean = await gql(ctx, token, `{ products(first: 1, query: "status:draft") { nodes { id } } }`);
    expect((clean.body.extensions as Record<string, unknown>).search).toBeUndefined();
  });

  it.each([
    ["a search field Shopify has but the sandbox does not", `{ products(first: 5, query: "vendor:acme inventory_total:>5") { nodes { id } } }`, /Search field 'inventory_total' of QueryRoot.products is valid in Admin API 2026-10 but not implemented/],
    ["a sort key Shopify has but the sandbox does not", "{ products(first: 5, sortKey: VENDOR) { nodes { id } } }", /Sort key VENDOR of QueryRoot.products is valid .* \(implemented: ID, CREATED_AT, UPDATED_AT, TITLE\)/],
    ["RELEVANCE, which the sandbox cannot rank by", `{ productVariants(first: 5, sortKey: RELEVANCE, query: "tee") { nodes { id } } }`, /Sort key RELEVANCE/],
    ["an order sort key the sandbox does not have", "{ orders(first: 5, sortKey: TOTAL_PRICE) { nodes { id } } }", /Sort key TOTAL_PRICE/],
    ["a cursor that is not one", `{ products(first: 5, after: "bm90IGEgY3Vyc29y") { nodes { id } } }`, /Invalid cursor for after argument/],
  ])("answers an error naming %s", async (_name, query, message) => {
    const res = await gql(ctx, token, query);
    expect(res.body.errors[0].message).toMatch(message);
    expect(res.body.data?.products ?? res.body.data?.orders ?? res.body.data?.productVariants ?? null).toBeNull();
  });
});
