import { describe, expect, it } from "vitest";
import { planShipment, type PlanLineItem } from "./plan-shipment";

// A TikTok order of 2 × SCARF (sku 10) and 1 × HAT (sku 20), one line item per unit, in open package P1.
const items = (shipped: string[] = []): PlanLineItem[] => [
  { id: "a", skuId: "10", sellerSku: "SCARF", packageId: shipped.includes("a") ? "P0" : "P1", shipped: shipped.includes("a") },
  { id: "b", skuId: "10", sellerSku: "SCARF", packageId: shipped.includes("b") ? "P0" : "P1", shipped: shipped.includes("b") },
  { id: "c", skuId: "20", sellerSku: "HAT", packageId: shipped.includes("c") ? "P0" : "P1", shipped: shipped.includes("c") },
];
const scarf = (quantity: number, mapped = true) => ({ quantity, sku: "scarf", mappedSkuIds: mapped ? ["10"] : [] });
const hat = (quantity: number) => ({ quantity, sku: "HAT", mappedSkuIds: [] });

describe("planShipment", () => {
  it.each([
    ["everything fulfilled at once ships the package", "US", items(), [scarf(2), hat(1)], false, { kind: "package", packageId: "P1", lineItemIds: ["a", "b", "c"], split: false }],
    ["the last items ship the rest of the package", "US", items(["a", "b"]), [hat(1)], true, { kind: "package", packageId: "P1", lineItemIds: ["c"], split: false }],
    ["a part in a split market is a split by line items", "US", items(), [scarf(2)], false, { kind: "split", lineItemIds: ["a", "b"], split: true }],
    ["one unit of two takes one line item", "GB", items(), [scarf(1)], false, { kind: "split", lineItemIds: ["a"], split: true }],
    ["a seller SKU match works without a mapping", "DE", items(), [scarf(1, false)], false, { kind: "split", lineItemIds: ["a"], split: true }],
    ["a part in a market without splits ships the whole package", "MY", items(), [scarf(1)], false, { kind: "package", packageId: "P1", lineItemIds: ["a", "b", "c"], split: false }],
    ["an order Shopify calls fully fulfilled ships what is left, matched or not", "US", items(), [{ quantity: 3, sku: "OTHER", mappedSkuIds: [] }], true, { kind: "package", packageId: "P1", lineItemIds: ["a", "b", "c"], split: false }],
    ["nothing left to ship", "US", items(["a", "b", "c"]), [scarf(1)], false, { kind: "nothing-left" }],
    ["more units than TikTok has left take what is left", "US", items(["a"]), [scarf(5)], false, { kind: "split", lineItemIds: ["b"], split: true }],
  ])("%s", (_name, region, lineItems, fulfilled, orderFullyFulfilled, plan) => {
    expect(planShipment({ region, lineItems, fulfilled, orderFullyFulfilled })).toEqual(plan);
  });

  it.each([
    ["US", [{ quantity: 1, sku: "OTHER", mappedSkuIds: ["99"] }]],
    ["MY", [{ quantity: 2, sku: null, mappedSkuIds: [] }]],
  ])("refuses to guess when no fulfilled unit matches (%s)", (region, fulfilled) => {
    const plan = planShipment({ region, lineItems: items(), fulfilled, orderFullyFulfilled: false });
    expect(plan.kind).toBe("unmatched");
    expect(plan).toMatchObject({ reason: expect.stringContaining("matches a TikTok item") });
  });
});
