import { describe, expect, it } from "vitest";
import { errorFromGraphqlAnswer, errorFromNetwork, errorFromOAuthAnswer, errorFromUserErrors, ShopifyApiError, type ShopifyErrorKind } from "./errors";

const INVALID_TOKEN = { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" };
const gqlError = (code: string, message = code) => ({ errors: [{ message, extensions: { code } }] });

describe("errorFromGraphqlAnswer", () => {
  it.each<[string, number, unknown, ShopifyErrorKind, string | undefined]>([
    ["401 invalid token", 401, INVALID_TOKEN, "authExpired", undefined],
    ["403 missing scope", 403, { errors: "[API] This action requires merchant approval for read_orders scope." }, "needsReauthorization", undefined],
    ["402 frozen store", 402, { errors: "Unavailable Shop" }, "userFixable", undefined],
    ["423 locked store", 423, { errors: "This shop is unavailable" }, "userFixable", undefined],
    ["429 REST-style limit", 429, { errors: "Exceeded 2 calls per second" }, "throttled", undefined],
    ["500 internal", 500, gqlError("INTERNAL_SERVER_ERROR"), "retryable", undefined],
    ["502 HTML page", 502, "<html>Bad gateway</html>", "retryable", undefined],
    ["503 timeout", 503, gqlError("TIMEOUT"), "retryable", undefined],
    ["504", 504, null, "retryable", undefined],
    ["400 missing query", 400, { errors: { query: "Required parameter missing or invalid" } }, "unexpected", undefined],
    ["404 unknown version", 404, { errors: "Not Found" }, "unexpected", undefined],
    ["200 THROTTLED", 200, gqlError("THROTTLED", "Throttled"), "throttled", "THROTTLED"],
    ["200 ACCESS_DENIED", 200, gqlError("ACCESS_DENIED"), "needsReauthorization", "ACCESS_DENIED"],
    ["200 INTERNAL_SERVER_ERROR", 200, gqlError("INTERNAL_SERVER_ERROR"), "retryable", "INTERNAL_SERVER_ERROR"],
    ["200 undefinedField", 200, gqlError("undefinedField", "Field 'sku' doesn't exist on type 'Product'"), "unexpected", "undefinedField"],
    ["200 MAX_COST_EXCEEDED", 200, gqlError("MAX_COST_EXCEEDED"), "unexpected", "MAX_COST_EXCEEDED"],
    ["200 error without code", 200, { errors: [{ message: "boom" }] }, "unexpected", undefined],
    ["200 without data", 200, { extensions: {} }, "unexpected", undefined],
    ["200 with null data", 200, { data: null }, "unexpected", undefined],
  ])("%s → %s", (_label, status, body, kind, code) => {
    const error = errorFromGraphqlAnswer({ status, body, operation: "ShopDetails" });
    expect(error).toBeInstanceOf(ShopifyApiError);
    expect(error?.kind).toBe(kind);
    expect(error?.code).toBe(code);
    expect(error?.status).toBe(status);
    expect(error?.message).toContain("ShopDetails");
  });

  it("puts THROTTLED ahead of other codes in the same answer", () => {
    const body = { errors: [{ message: "x", extensions: { code: "undefinedField" } }, { message: "Throttled", extensions: { code: "THROTTLED" } }] };
    expect(errorFromGraphqlAnswer({ status: 200, body })?.kind).toBe("throttled");
  });

  it("reads Retry-After on a 429", () => {
    expect(errorFromGraphqlAnswer({ status: 429, body: null, retryAfter: "2.0" })?.retryAfterMs).toBe(2000);
  });

  it("returns null for data without errors", () => {
    expect(errorFromGraphqlAnswer({ status: 200, body: { data: { shop: { name: "x" } }, errors: [] } })).toBeNull();
  });
});

describe("errorFromOAuthAnswer", () => {
  it.each<[string, number, unknown, ShopifyErrorKind]>([
    ["used refresh token", 400, { error: "invalid_grant", error_description: "The provided authorization grant is invalid, expired, revoked" }, "needsReauthorization"],
    ["used code", 400, { error: "invalid_request", error_description: "The authorization code was not found or was already used" }, "needsReauthorization"],
    ["revoked in words", 403, { errors: "Access token revoked: app uninstalled" }, "needsReauthorization"],
    ["shop gone", 404, "<html>There's no store at this address.</html>", "needsReauthorization"],
    ["wrong secret", 401, { error: "invalid_client", error_description: "Client authentication failed" }, "unexpected"],
    ["bad grant type", 400, { error: "unsupported_grant_type" }, "unexpected"],
    ["server error", 500, null, "retryable"],
    ["rate limited", 429, null, "throttled"],
  ])("%s → %s", (_label, status, body, kind) => {
    const error = errorFromOAuthAnswer({ status, body });
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
  });
});

describe("errorFromNetwork and errorFromUserErrors", () => {
  it("classifies network failures and timeouts as retryable", () => {
    const timeout = errorFromNetwork({ cause: new DOMException("The operation was aborted due to timeout", "TimeoutError"), what: "Shopify X" });
    expect([timeout.kind, timeout.code, timeout.retryable]).toEqual(["retryable", "TIMEOUT", true]);
    expect(timeout.message).toBe("Shopify X timed out");
    const refused = errorFromNetwork({ cause: new TypeError("fetch failed"), what: "Shopify X" });
    expect([refused.kind, refused.code]).toEqual(["retryable", "NETWORK"]);
  });

  it("turns userErrors into a userFixable error that keeps them", () => {
    expect(errorFromUserErrors({ operation: "x", userErrors: [] })).toBeNull();
    const error = errorFromUserErrors({ operation: "the products/update webhook subscription", userErrors: [{ field: ["webhookSubscription", "callbackUrl"], message: "Address for this topic has already been taken" }] });
    expect(error?.kind).toBe("userFixable");
    expect(error?.retryable).toBe(false);
    expect(error?.userErrors).toHaveLength(1);
    expect(error?.message).toBe("Shopify refused the products/update webhook subscription: webhookSubscription.callbackUrl: Address for this topic has already been taken");
  });
});
