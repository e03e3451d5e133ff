import crypto from "node:crypto";

export interface SignTikTokRequestOptions {
  appSecret: string;
  /** The API path as TikTok documents it (`/product/202309/products/123`), without the base URL's own path. */
  path: string;
  /** Every query parameter that will be sent; `sign` and `access_token` are left out of the signature. */
  query: Record<string, string>;
  /** The exact body string that will be sent ("" for none). */
  body?: string;
  contentType?: string;
}

const UNSIGNED_KEYS = new Set(["sign", "access_token"]);

/**
 * The string TikTok signs: the path, then every query parameter but `sign` and `access_token` sorted by key
 * as key+value, then the raw body unless it is multipart, all wrapped in the app secret on both sides.
 */
export function tiktokSignatureBase({ appSecret, path, query, body = "", contentType = "application/json" }: SignTikTokRequestOptions): string {
  const params = Object.keys(query)
    .filter((key) => !UNSIGNED_KEYS.has(key))
    .sort()
    .map((key) => key + query[key])
    .join("");
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  const signedBody = mediaType === "multipart/form-data" ? "" : body;
  return appSecret + path + params + signedBody + appSecret;
}

/** `sign` query parameter: hex(HMAC-SHA256(key = app secret, message = the signature base)). */
export function signTikTokRequest(options: SignTikTokRequestOptions): string {
  return crypto.createHmac("sha256", options.appSecret).update(tiktokSignatureBase(options), "utf8").digest("hex");
}
