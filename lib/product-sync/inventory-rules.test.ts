import { describe, expect, it } from "vitest";
import { inventoryRulesSchema } from "../settings/sections/product-sync-settings";
import { computeTikTokStock } from "./inventory-rules";

const rules = (over: Partial<ReturnType<typeof inventoryRulesSchema.parse>> = {}) => inventoryRulesSchema.parse(over);
const levels = [
  { locationId: "L1", available: 10 },
  { locationId: "L2", available: 5 },
  { locationId: "L3", available: -2 },
];
const one = [{ warehouseId: "W1", quantity: 3 }];
const two = [{ warehouseId: "W1", quantity: 3 }, { warehouseId: "W2", quantity: 7 }];

describe("computeTikTokStock", () => {
  it.each([
    { name: "every location into the only warehouse (negative stock counts as 0)", warehouses: one, rules: rules(), want: [15] },
    { name: "safety buffer", warehouses: one, rules: rules({ safetyBuffer: 4 }), want: [11] },
    { name: "buffer larger than the stock", warehouses: one, rules: rules({ safetyBuffer: 40 }), want: [0] },
    { name: "percentage, rounded down", warehouses: one, rules: rules({ allocatePercent: 50 }), want: [7] },
    { name: "buffer before percentage", warehouses: one, rules: rules({ safetyBuffer: 5, allocatePercent: 50 }), want: [5] },
    { name: "at the out-of-stock threshold → 0", warehouses: one, rules: rules({ outOfStockThreshold: 15 }), want: [0] },
    { name: "above the threshold stays", warehouses: one, rules: rules({ outOfStockThreshold: 14 }), want: [15] },
    { name: "no assignment, two warehouses: the first gets it all, the second keeps TikTok's", warehouses: two, rules: rules(), want: [15, 7] },
    {
      name: "locations assigned per warehouse",
      warehouses: two,
      rules: rules({ locations: [{ warehouseId: "W1", locationIds: ["L1"] }, { warehouseId: "W2", locationIds: ["L2", "L3"] }] }),
      want: [10, 5],
    },
    { name: "a warehouse no rule names keeps TikTok's quantity", warehouses: two, rules: rules({ locations: [{ warehouseId: "W2", locationIds: ["L1"] }] }), want: [3, 10] },
    { name: "allocate 0 %", warehouses: one, rules: rules({ allocatePercent: 0 }), want: [0] },
  ])("$name", ({ warehouses, rules: r, want }) => {
    const out = computeTikTokStock({ levels, warehouses, rules: r });
    expect(out.map((w) => w.warehouseId)).toEqual(warehouses.map((w) => w.warehouseId));
    expect(out.map((w) => w.quantity)).toEqual(want);
  });

  it("caps at TikTok's 99,999 per warehouse", () => {
    expect(computeTikTokStock({ levels: [{ locationId: "L1", available: 250_000 }], warehouses: one, rules: rules() })).toEqual([{ warehouseId: "W1", quantity: 99_999 }]);
  });
});
