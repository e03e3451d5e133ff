import { describe, expect, it } from "vitest";
import { minimizeShopifyPayload } from "./minimize-shopify-payload";

describe("minimizeShopifyPayload", () => {
  it("keeps ids and statuses and drops the customer", () => {
    const out = minimizeShopifyPayload("orders/cancelled", {
      id: 1,
      cancelled_at: "2026-11-26T10:00:00Z",
      email: "buyer@example.test",
      customer: { first_name: "Ann", email: "buyer@example.test" },
      shipping_address: { address1: "1 Main St" },
      line_items: [{ id: 7, sku: "A-1", quantity: 2, name: "Shirt", properties: [{ name: "gift note", value: "hi Ann" }] }],
    });
    expect(out).toEqual({ id: 1, cancelled_at: "2026-11-26T10:00:00Z", line_items: [{ id: 7, sku: "A-1", quantity: 2 }] });
    expect(JSON.stringify(out)).not.toMatch(/buyer|Ann|Main St/);
  });

  it("keeps only the request id of a privacy request", () => {
    const out = minimizeShopifyPayload("customers/data_request", {
      shop_domain: "demo.myshopify.com",
      customer: { id: 9, email: "buyer@example.test", phone: "555" },
      orders_requested: [1, 2],
      data_request: { id: 42 },
    });
    expect(out).toEqual({ shop_domain: "demo.myshopify.com", data_request: { id: 42 } });
  });

  it.each([[null], ["text"], [[1, 2]]])("returns nothing for a body that is not an object: %j", (body) => {
    expect(minimizeShopifyPayload("products/update", body)).toEqual({});
  });
});
