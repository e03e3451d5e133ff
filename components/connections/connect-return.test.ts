import { describe, expect, it } from "vitest";
import { connectedShopsMessage, hasConnectReturn, readConnectReturn } from "./connect-return";

const none = { connected: null, error: null, select: null };

describe("readConnectReturn", () => {
  it.each([
    [{}, none],
    [{ connected: "shopify" }, { ...none, connected: "shopify" }],
    [{ connected: "tiktok" }, { ...none, connected: "tiktok" }],
    [{ connected: "other" }, none],
    [{ connected: ["shopify", "tiktok"] }, { ...none, connected: "shopify" }],
    [{ error: "  The shop refused the request.  " }, { ...none, error: "The shop refused the request." }],
    [{ error: "   " }, none],
    [{ select: "cm9x_abc-1" }, { ...none, select: "cm9x_abc-1" }],
    [{ select: "../../admin" }, none],
    [{ select: "" }, none],
    [{ connected: "shopify", error: "x", select: "a1" }, { connected: "shopify", error: "x", select: "a1" }],
  ])("%o → %o", (params, expected) => {
    expect(readConnectReturn(params)).toEqual(expected);
  });

  it("shortens a long error to 300 characters", () => {
    const error = readConnectReturn({ error: "x".repeat(1000) }).error;
    expect(error).toHaveLength(300);
    expect(error?.endsWith("…")).toBe(true);
  });
});

describe("hasConnectReturn", () => {
  it("is true when any value is present", () => {
    expect(hasConnectReturn(none)).toBe(false);
    expect(hasConnectReturn({ ...none, select: "a" })).toBe(true);
    expect(hasConnectReturn({ ...none, error: "e" })).toBe(true);
    expect(hasConnectReturn({ ...none, connected: "shopify" })).toBe(true);
  });
});

describe("connectedShopsMessage", () => {
  it.each([
    [1, "Connected 1 TikTok shop."],
    [2, "Connected 2 TikTok shops."],
    [0, "Connected 0 TikTok shops."],
  ])("%d → %s", (count, message) => {
    expect(connectedShopsMessage(count)).toBe(message);
  });
});
