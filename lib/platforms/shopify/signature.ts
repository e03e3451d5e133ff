// HMAC-SHA256 helpers shared by the OAuth callback check (hex) and webhook check (base64).
import crypto from "node:crypto";

export function hmacSha256(options: { secret: string; message: string | Uint8Array; encoding: "hex" | "base64" }): string {
  return crypto.createHmac("sha256", options.secret).update(options.message).digest(options.encoding);
}

/** Compares without leaking, through timing, how much of `received` matched. */
export function constantTimeEqual(options: { expected: string; received: string }): boolean {
  const expected = Buffer.from(options.expected, "utf8");
  const received = Buffer.from(options.received, "utf8");
  if (expected.length !== received.length) {
    crypto.timingSafeEqual(expected, expected); // same work on the early-out path
    return false;
  }
  return crypto.timingSafeEqual(expected, received);
}
