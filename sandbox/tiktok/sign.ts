import crypto from "node:crypto";

/**
 * TikTok Shop request signature (PLATFORMS.md, "Signing every API call"): every query parameter except
 * `sign` and `access_token`, sorted by key, concatenated as key+value; prefixed with the request path;
 * the raw body appended unless the body is multipart; wrapped in the app secret on both sides;
 * hex(HMAC-SHA256(key = app_secret, message)).
 */
export function tiktokSign(input: { path: string; query: URLSearchParams; body: string; contentType?: string; secret: string }): string {
  const keys = [...new Set(input.query.keys())].filter((k) => k !== "sign" && k !== "access_token").sort();
  let message = input.path + keys.map((k) => k + (input.query.get(k) ?? "")).join("");
  const mediaType = (input.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "multipart/form-data") message += input.body;
  return crypto.createHmac("sha256", input.secret).update(input.secret + message + input.secret).digest("hex");
}

/** Webhook `Authorization` header: lowercase hex HMAC-SHA256(key = app_secret, message = app_key + raw body). */
export function webhookSignature(appKey: string, secret: string, body: string): string {
  return crypto.createHmac("sha256", secret).update(appKey + body).digest("hex");
}

export function safeEqualHex(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}
