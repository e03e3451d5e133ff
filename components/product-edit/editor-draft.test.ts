import { describe, expect, it } from "vitest";
import { noOverrides } from "@/lib/product-edit/override-input";
import { draftOf, inputOf } from "./editor-draft";

const skus = [{ tiktokSkuId: "S1", sellerSku: "A", shopifySku: "A", shopifyPrice: "10.00", shopifyAvailable: 3 }, { tiktokSkuId: "S2", sellerSku: "B", shopifySku: "B", shopifyPrice: "10.00", shopifyAvailable: 3 }];
const saved = { ...noOverrides(), title: "Mine", images: ["u1"], prices: { S1: "9.00" }, allocation: { S2: 40 } };
const view = { overrides: saved, skus };

describe("editor draft → save input", () => {
  it.each<[string, (d: ReturnType<typeof draftOf>) => ReturnType<typeof draftOf>, unknown]>([
    ["nothing changed sends nothing", (d) => d, {}],
    ["a new title", (d) => ({ ...d, title: "Other" }), { title: "Other" }],
    ["Use Shopify's value clears the title", (d) => ({ ...d, title: null }), { title: null }],
    ["an override of the description", (d) => ({ ...d, description: "<p>x</p>" }), { description: "<p>x</p>" }],
    ["images reordered", (d) => ({ ...d, images: ["u2", "u1"] }), { images: ["u2", "u1"] }],
    ["images back to Shopify's", (d) => ({ ...d, images: null }), { images: null }],
    ["a price set and one cleared", (d) => ({ ...d, prices: { S2: "8.00" } }), { prices: [{ tiktokSkuId: "S1", amount: null }, { tiktokSkuId: "S2", amount: "8.00" }] }],
    ["an allocation changed", (d) => ({ ...d, allocation: { S2: "50" } }), { allocation: [{ tiktokSkuId: "S2", allocatePercent: 50 }] }],
    ["an allocation cleared", (d) => ({ ...d, allocation: {} }), { allocation: [{ tiktokSkuId: "S2", allocatePercent: null }] }],
  ])("%s", (_label, change, want) => {
    expect(inputOf(view, change(draftOf(view)))).toEqual(want);
  });
});
