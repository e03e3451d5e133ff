// Inngest request signing: X-Inngest-Signature "t=<unix>&s=<hex>", HMAC-SHA256 keyed by the
// signing key without its "signkey-<env>-" prefix, over the body followed by t. Request bodies
// are sent as RFC 8785 canonical JSON so the SDK (which re-canonicalizes) sees the same bytes.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

const MAX_SKEW_MS = 5 * 60_000;

export function stripKeyPrefix(signingKey: string): string {
  return signingKey.replace(/^signkey-[\w]+-/, "");
}

/** RFC 8785 (JCS): sorted keys, no whitespace, ECMAScript number and string serialization. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const s = JSON.stringify(value);
    return s === undefined ? "null" : s;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined || typeof v === "function" ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined && typeof (value as Record<string, unknown>)[k] !== "function")
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

export function sign(body: string, signingKey: string, now = Date.now()): string {
  const t = Math.round(now / 1000).toString();
  const s = createHmac("sha256", stripKeyPrefix(signingKey)).update(body + t).digest("hex");
  return `t=${t}&s=${s}`;
}

/** Verifies a signature header over a raw body; returns a reason string when it fails. */
export function verify(header: string | null, body: string, signingKey: string, now = Date.now()): string | null {
  if (!header) return "answer is not signed (no X-Inngest-Signature)";
  const params = new URLSearchParams(header);
  const t = params.get("t") ?? "";
  const s = params.get("s") ?? "";
  if (!t || !s) return "malformed X-Inngest-Signature";
  if (Math.abs(now - Number(t) * 1000) > MAX_SKEW_MS) return "X-Inngest-Signature has expired";
  const expected = createHmac("sha256", stripKeyPrefix(signingKey)).update(body + t).digest("hex");
  const a = Buffer.from(expected);
  const b = Buffer.from(s);
  return a.length === b.length && timingSafeEqual(a, b) ? null : "X-Inngest-Signature does not match";
}

/** The bearer token the SDK sends to /fn/register: prefix + sha256 of the hex-decoded key. */
export function hashSigningKey(signingKey: string): string {
  const prefix = /^signkey-[\w]+-/.exec(signingKey)?.[0] ?? "";
  return prefix + createHash("sha256").update(Buffer.from(stripKeyPrefix(signingKey), "hex")).digest("hex");
}
