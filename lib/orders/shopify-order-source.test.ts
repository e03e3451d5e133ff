import { describe, expect, it } from "vitest";
import { readTikTokSource, TIKTOK_SOURCE_NAME, tiktokOrderAttributes } from "./shopify-order-source";

describe("readTikTokSource", () => {
  const attrs = tiktokOrderAttributes({ tiktokShopId: "7495", tiktokOrderId: "576" });
  it.each([
    ["an order Ferry created", { sourceName: TIKTOK_SOURCE_NAME, sourceIdentifier: "576", customAttributes: attrs }, { tiktokShopId: "7495", tiktokOrderId: "576" }],
    ["another app's order", { sourceName: "web", sourceIdentifier: "576", customAttributes: attrs }, null],
    ["no source identifier", { sourceName: TIKTOK_SOURCE_NAME, sourceIdentifier: null, customAttributes: attrs }, null],
    ["no shop attribute", { sourceName: TIKTOK_SOURCE_NAME, sourceIdentifier: "576", customAttributes: [] }, null],
  ])("%s", (_name, order, expected) => {
    expect(readTikTokSource(order)).toEqual(expected);
  });
});
