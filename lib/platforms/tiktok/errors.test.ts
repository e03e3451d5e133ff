import { describe, expect, it } from "vitest";
import { classifyTikTokFailure, TikTokApiError, type ClassifyTikTokFailureOptions, type TikTokErrorKind } from "./errors";

const api = (code: number | null, httpStatus: number | null, message = ""): ClassifyTikTokFailureOptions => ({ code, httpStatus, message, source: "api" });
const token = (code: number | null, httpStatus: number | null, message = ""): ClassifyTikTokFailureOptions => ({ code, httpStatus, message, source: "token" });

// Messages are TikTok's own, from the common-errors guide.
const cases: [string, ClassifyTikTokFailureOptions, TikTokErrorKind][] = [
  ["internal error", api(36009003, 500), "retryable"],
  ["gateway timeout", api(36009007, 504), "retryable"],
  ["HTTP 503 without an envelope", api(null, 503), "retryable"],
  ["HTTP 502 with an unknown code", api(1, 502), "retryable"],
  ["network failure", api(null, null), "retryable"],
  ["rate limited", api(36009002, 429), "rateLimited"],
  ["HTTP 429 whatever the code", api(null, 429), "rateLimited"],
  ["access token expired", api(105002, 401, "Expired credentials. The `access_token` or `x-tts-access-token` header has expired."), "authExpired"],
  ["scope missing", api(105005, 200, "Access denied."), "needsReauthorization"],
  ["token revoked or unknown", api(36009004, 401, "Invalid credentials. The `x-tts-access-token` header is invalid."), "needsReauthorization"],
  ["token not covering the shop", api(101000, 401), "needsReauthorization"],
  ["refresh token unknown (token service)", token(36004005, 200, "can not find related auth record"), "needsReauthorization"],
  ["refresh token expired (token service)", token(36004001, 200, "rt has expired"), "needsReauthorization"],
  ["auth code used (token service)", token(36004004, 200, "The auth_code has already been used."), "needsReauthorization"],
  ["wrong app secret (token service)", token(36009004, 200, "Invalid credentials. The `app_secret` does not match the `app_key`."), "unexpected"],
  ["bad input", api(36009004, 200, "Invalid request parameters: page_size must be between 1 and 100."), "userFixable"],
  ["price locked by a promotion", api(12052038, 200), "userFixable"],
  ["price locked by a promotion (other code)", api(12019045, 200), "userFixable"],
  ["all warehouses required", api(12019028, 200), "userFixable"],
  ["an undocumented business refusal", api(21011051, 200, "The tracking number can only be updated once."), "userFixable"],
  ["invalid signature", api(106001, 401), "unexpected"],
  ["missing signature", api(36009004, 401, "Missing credentials. The request does not include a required signature in the query."), "unexpected"],
  ["stale timestamp", api(36009004, 401, "Invalid timestamp. The value of the `timestamp` query parameter must not be earlier than 5 minutes before the current time."), "unexpected"],
  ["bad app key", api(36009004, 401, "Invalid credentials. Invalid `app_key` query parameter."), "unexpected"],
  ["shop_cipher where forbidden", api(36009004, 200, "Unexpected identifier. The `shop_cipher` query parameter is not required for this request."), "unexpected"],
  ["shop_cipher missing", api(106013, 200), "unexpected"],
  ["unknown path", api(36009009, 404), "unexpected"],
  ["search over the 10,000 cap", api(12052180, 200), "unexpected"],
  ["HTTP 404 without an envelope", api(null, 404), "unexpected"],
];

describe("classifyTikTokFailure", () => {
  it.each(cases)("%s", (_name, input, kind) => {
    expect(classifyTikTokFailure(input)).toBe(kind);
  });
});

describe("TikTokApiError", () => {
  it("exposes one flag per kind and a message naming the endpoint and code", () => {
    const error = new TikTokApiError({ kind: "rateLimited", code: 36009002, platformMessage: "Too many requests.", requestId: "r1", httpStatus: 429, endpoint: "GET /authorization/202309/shops", retryAfterMs: 1000 });
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe("TikTok Shop GET /authorization/202309/shops failed (36009002): Too many requests.");
    expect([error.retryable, error.rateLimited, error.authExpired, error.needsReauthorization, error.userFixable]).toEqual([false, true, false, false, false]);
    expect(error.retryAfterMs).toBe(1000);
    expect(error.requestId).toBe("r1");
  });
});
