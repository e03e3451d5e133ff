import { describe, expect, it } from "vitest";
import { call, fakeContext, gql, installedShop, SHOP } from "./test-context";

async function seeded(options: { plan?: string } = {}) {
  const ctx = fakeContext();
  const { access_token: token } = await installedShop(ctx, options);
  const seed = await call(ctx, "POST", `/__sandbox/shopify/shops/${SHOP}/products`, {
    body: {
      products: [
        { title: "Tee", descriptionHtml: "<p>Soft</p>", images: ["https://cdn.example/tee.jpg"], variants: [
          { sku: "TEE-S", barcode: "111", price: "19.99", compareAtPrice: "25.00", inventoryQuantity: 5, selectedOptions: [{ name: "Size", value: "S" }] },
          { sku: "TEE-M", barcode: "222", price: 19.99, inventoryQuantity: 0, selectedOptions: [{ name: "Size", value: "M" }] },
        ] },
        { title: "Mug", descriptionHtml: "", variants: [{ sku: "MUG", price: "9.50", inventoryQuantity: 3 }] },
        { title: "Mug copy", descriptionHtml: "", variants: [{ sku: "MUG", price: "9.50", inventoryQuantity: 1 }] },
      ],
    },
  });
  return { ctx, token, products: (seed.body as { products: { id: string; variants: { id: string; sku: string; inventoryItemId: string }[] }[] }).products };
}

describe("Shopify GraphQL against the real 2026-10 schema", () => {
  it("answers shop and product fields with cost extensions", async () => {
    const { ctx, token } = await seeded();
    const res = await gql(ctx, token, `{ shop { name currencyCode ianaTimezone myshopifyDomain plan { publicDisplayName shopifyPlus } }
      products(first: 5) { edges { cursor node { id title status totalInventory images(first: 1) { nodes { url } } variants(first: 5) { nodes { sku barcode price compareAtPrice inventoryQuantity selectedOptions { name value } } } } } } }`);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.shop).toEqual({ name: "acme", currencyCode: "USD", ianaTimezone: "America/New_York", myshopifyDomain: SHOP, plan: { publicDisplayName: "Basic", shopifyPlus: false } });
    const tee = res.body.data!.products.edges[0].node;
    expect(tee).toMatchObject({ title: "Tee", status: "ACTIVE", totalInventory: 5, images: { nodes: [{ url: "https://cdn.example/tee.jpg" }] } });
    expect(tee.variants.nodes[0]).toEqual({ sku: "TEE-S", barcode: "111", price: "19.99", compareAtPrice: "25.00", inventoryQuantity: 5, selectedOptions: [{ name: "Size", value: "S" }] });
    // shop 1 + plan 1 + products: 2 + 5 × (node 1 + images (2 + 1 × 1) + variants (2 + 5 × (node 1 + selectedOptions 1)))
    expect(res.body.extensions!.cost.requestedQueryCost).toBe(2 + 2 + 5 * (1 + 3 + 12));
    expect(res.body.extensions!.cost.actualQueryCost).toBeLessThan(res.body.extensions!.cost.requestedQueryCost);
    expect(res.body.extensions!.cost.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
  });

  it("refuses documents invalid against the real schema, as Shopify words it", async () => {
    const { ctx, token } = await seeded();
    const res = await gql(ctx, token, "{ products(first: 1) { nodes { sku } } }");
    expect(res.status).toBe(200);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0]).toMatchObject({ message: "Field 'sku' doesn't exist on type 'Product'", extensions: { code: "undefinedField" } });
    const noFirst = await gql(ctx, token, "{ products { nodes { id } } }");
    expect(noFirst.body.errors[0].message).toBe("you must provide one of first or last");
    const syntax = await gql(ctx, token, "{ shop { name ");
    expect(syntax.body.errors[0].message).toMatch(/Syntax Error/);
  });

  it("names a valid field the sandbox does not implement instead of returning null", async () => {
    const { ctx, token } = await seeded();
    const res = await gql(ctx, token, "{ shop { name weightUnit } }");
    expect(res.body.errors[0].message).toContain("'weightUnit' on type 'Shop'");
    expect(res.body.errors[0].extensions.code).toBe("NOT_IMPLEMENTED_IN_SANDBOX");
  });

  it("finds variants by sku: and barcode: and pages with cursors", async () => {
    const { ctx, token } = await seeded();
    const bySku = await gql(ctx, token, `{ productVariants(first: 10, query: "sku:MUG") { nodes { sku product { title } } } }`);
    expect(bySku.body.data!.productVariants.nodes.map((n: { product: { title: string } }) => n.product.title)).toEqual(["Mug", "Mug copy"]);
    const byBarcode = await gql(ctx, token, `{ productVariants(first: 10, query: "barcode:222 OR sku:'TEE-S'") { nodes { sku } } }`);
    expect(byBarcode.body.data!.productVariants.nodes.map((n: { sku: string }) => n.sku)).toEqual(["TEE-S", "TEE-M"]);
    const page1 = await gql(ctx, token, "{ productVariants(first: 2) { nodes { sku } pageInfo { hasNextPage endCursor } } }");
    expect(page1.body.data!.productVariants.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(ctx, token, "query($after: String) { productVariants(first: 2, after: $after) { nodes { sku } pageInfo { hasNextPage hasPreviousPage } } }", { after: page1.body.data!.productVariants.pageInfo.endCursor });
    expect(page2.body.data!.productVariants.nodes.map((n: { sku: string }) => n.sku)).toEqual(["MUG", "MUG"]);
    expect(page2.body.data!.productVariants.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const last = await gql(ctx, token, "{ productVariants(last: 1, reverse: true) { nodes { sku } } }");
    expect(last.body.data!.productVariants.nodes[0].sku).toBe("TEE-S");
  });

  it("charges the bucket and answers THROTTLED with HTTP 200 when it is short", async () => {
    const { ctx, token } = await seeded();
    ctx.setConfig({ bucketSize: 200, restoreRate: 10 });
    const cheap = await gql(ctx, token, "{ products(first: 100) { nodes { id } } }");
    expect(cheap.body.extensions!.cost).toMatchObject({ requestedQueryCost: 102, actualQueryCost: 2 + 3 });
    expect(cheap.body.extensions!.cost.throttleStatus).toMatchObject({ maximumAvailable: 200, restoreRate: 10 });
    expect(cheap.body.extensions!.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(195);
    const tooBig = await gql(ctx, token, "{ products(first: 250) { nodes { id } } }");
    expect(tooBig.status).toBe(200);
    expect(tooBig.body.data).toBeUndefined();
    expect(tooBig.body.errors[0].extensions.code).toBe("THROTTLED");
    expect(tooBig.body.extensions!.cost).toMatchObject({ requestedQueryCost: 252, actualQueryCost: null });
    // mutations cost 10 + their payload and are not refunded much: drain the bucket
    const cancel = 'mutation { orderCancel(orderId: "gid://shopify/Order/1", reason: OTHER, restock: false) { orderCancelUserErrors { code } } }';
    let throttledAt = -1;
    for (let i = 0; i < 40 && throttledAt < 0; i += 1) {
      const r = await gql(ctx, token, cancel);
      if (r.body.errors?.[0]?.extensions?.code === "THROTTLED") throttledAt = i;
    }
    expect(throttledAt).toBeGreaterThanOrEqual(17);
    expect(throttledAt).toBeLessThanOrEqual(19);
    ctx.advance(5); // 10 points/s
    expect((await gql(ctx, token, cancel)).body.errors).toBeUndefined();
  });

  it("scales the bucket with the shop's plan and refuses single queries over 1000 points", async () => {
    const { ctx, token } = await seeded({ plan: "plus" });
    const res = await gql(ctx, token, "{ shop { name } }");
    expect(res.body.extensions!.cost.throttleStatus).toMatchObject({ maximumAvailable: 20000, restoreRate: 1000 });
    const huge = await gql(ctx, token, "{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }");
    expect(huge.body.errors[0].extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", maxCost: 1000 });
  });

  it("answers ACCESS_DENIED for a root field outside the token's scopes (write_ grants read_)", async () => {
    const ctx = fakeContext();
    const { access_token: token } = await installedShop(ctx, { scope: "write_products" });
    expect((await gql(ctx, token, "{ products(first: 1) { nodes { id } } }")).body.data!.products).toEqual({ nodes: [] });
    const res = await gql(ctx, token, "{ orders(first: 1) { nodes { id } } }");
    expect(res.body.data).toBeNull(); // orders is non-null, so the error nulls the whole answer
    expect(res.body.errors[0]).toMatchObject({ message: "Access denied for orders field. Required access: `read_orders` access scope.", path: ["orders"], extensions: { code: "ACCESS_DENIED" } });
  });
});
