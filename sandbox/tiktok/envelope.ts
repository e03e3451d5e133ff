import crypto from "node:crypto";
import type { SandboxResponse } from "../core/platform";

export function requestId(): string {
  // real ids look like 202203070749000101890810281E8C70B7: a timestamp then hex
  const d = new Date();
  const ts = d.toISOString().replace(/[-:TZ.]/g, "").slice(0, 14);
  return ts + crypto.randomBytes(10).toString("hex").toUpperCase();
}

export interface ApiResult { http?: number; code: number; message: string; data: unknown }

export function ok(data: unknown = {}): ApiResult {
  return { code: 0, message: "Success", data };
}

export function fail(code: number, message: string, http = 200, data: unknown = null): ApiResult {
  return { http, code, message, data };
}

export function toResponse(r: ApiResult, log: { route: string; shop?: string }): SandboxResponse {
  return {
    status: r.http ?? 200,
    body: { code: r.code, message: r.message, data: r.data, request_id: requestId() },
    logRoute: log.route,
    logShop: log.shop,
    logCode: r.code,
  };
}

// Common gateway codes (guides: common errors, rate limits, versioning).
export const E = {
  rateLimited: () => fail(36009002, "Too many requests. You've made too many requests in a short period of time.", 429),
  internal: () => fail(36009003, "Internal error. Please try again. If the issue persists after multiple attempts, please contact platform support.", 500),
  timeout: () => fail(36009007, "Request timeout. The request to the endpoint timed out.", 504),
  invalidPath: () => fail(36009009, "Invalid path. The specified path does not match any available endpoint.", 404),
  invalidMethod: () => fail(36009010, "Invalid method. The HTTP method used is not supported by this endpoint.", 405),
  invalidVersion: () => fail(36009014, "The version name is invalid, please check and retry.", 404),
  badFormat: () => fail(36009022, "Invalid request format. The request body format must be `application/json` for structured data or `multipart/form-data` for binary files."),
  badRequest: (message: string) => fail(36009004, message),
  invalidSign: () => fail(106001, "Invalid credentials. The `sign` query parameter is invalid.", 401),
  expiredToken: () => fail(105002, "Expired credentials. The `access_token` or `x-tts-access-token` header has expired.", 401),
  missingCipher: () => fail(106013, "Missing identifier. The `shop_cipher` query parameter is required to identify the target shop."),
  params: (message = "Invalid input parameters. Refer to the API documentation for details.") => fail(12052910, message),
};
