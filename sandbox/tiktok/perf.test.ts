import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, connectedShop, startKit, type Kit } from "./test-kit";

let kit: Kit;
beforeEach(async () => {
  kit = await startKit();
});
afterEach(async () => {
  await kit.close();
});

describe("scale", () => {
  it("seeds 50,000 SKUs through the control API in under 30 s and pages through them", async () => {
    const { shop, token } = await connectedShop(kit);
    const started = Date.now();
    for (let batch = 0; batch < 5; batch++) {
      const products = Array.from({ length: 2000 }, (_, i) => ({
        title: `Tee ${batch}-${i}`,
        skus: ["S", "M", "L", "XL", "XXL"].map((size) => ({ sellerSku: `TEE-${batch}-${i}-${size}`, price: "19.90", quantity: 10, salesAttributes: [{ name: "Size", value: size }] })),
      }));
      const res = await kit.control("POST", `/__sandbox/tiktok/shops/${shop.shopId}/products`, { products });
      expect(res.status).toBe(201);
    }
    const seedMs = Date.now() - started;
    expect(seedMs).toBeLessThan(30_000);

    const timed = async (body: unknown, query: Record<string, string> = { page_size: "100" }) => {
      const t = performance.now();
      const r = await api(kit, "POST", "/product/202502/products/search", { token: token.access_token, cipher: shop.cipher, query, body });
      return { ms: performance.now() - t, r };
    };
    await timed({}); // warm up
    const first = await timed({});
    expect(first.r.body.data.total_count).toBe(10_000);
    const bySku = await timed({ seller_skus: ["TEE-4-1999-XL"] });
    expect(bySku.r.body.data.products[0].title).toBe("Tee 4-1999");
    const next = await timed({}, { page_size: "100", page_token: first.r.body.data.next_page_token });
    expect(next.r.body.data.products[0].id).not.toBe(first.r.body.data.products[0].id);
    // What a page costs is proven by counting reads (search.test.ts) and measured by `npm run bench -- sandbox-search`.
  }, 60_000);
});
