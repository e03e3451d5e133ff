import { describe, expect, it } from "vitest";
import { describeTikTokCancellation, shopifyCancelReason } from "./shopify-cancel-reason";

describe("TikTok's cancellation as Shopify's OrderCancelReason", () => {
  it.each([
    ["BUYER", "Discount not as expected", "CUSTOMER"],
    ["BUYER", "Out of stock", "CUSTOMER"],
    ["BUYER", undefined, "CUSTOMER"],
    ["SELLER", "Out of stock", "INVENTORY"],
    ["SELLER", "Pricing error", "STAFF"],
    ["SELLER", "Buyer requested cancellation", "CUSTOMER"],
    ["SELLER", "Unable to deliver to buyer address", "OTHER"],
    ["SELLER", "Cancelled", "OTHER"],
    ["SYSTEM", "Package delivery failed", "OTHER"],
    ["SYSTEM", "High risk order", "FRAUD"],
    ["SYSTEM", "Buyer did not pay", "OTHER"],
    ["SYSTEM", "Payment declined", "DECLINED"],
    [undefined, undefined, "OTHER"],
    ["OPERATOR", "Something else", "OTHER"],
  ] as const)("%s / %s → %s", (initiator, reason, expected) => {
    expect(shopifyCancelReason({ initiator, reason })).toBe(expected);
  });

  it("describes who cancelled and why, for the staff note and the timeline", () => {
    expect(describeTikTokCancellation({ initiator: "BUYER", reason: "Changed my mind" })).toBe("Cancelled on TikTok by the buyer (Changed my mind)");
    expect(describeTikTokCancellation({ initiator: "SYSTEM" })).toBe("Cancelled on TikTok by TikTok");
    expect(describeTikTokCancellation({})).toBe("Cancelled on TikTok");
  });
});
