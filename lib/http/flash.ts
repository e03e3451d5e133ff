import { createHmac } from "node:crypto";
import { safeEqual } from "../crypto";
import { env } from "../env";

// A message carried in a redirect URL (for example after an OAuth callback). It is signed, so a
// crafted link cannot make the app display text of an attacker's choosing.

function mac(message: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET ?? "ferry-development-only").update(`flash:${message}`).digest("base64url").slice(0, 22);
}

export function signFlash(message: string): string {
  return `${Buffer.from(message.slice(0, 300)).toString("base64url")}.${mac(message.slice(0, 300))}`;
}

export function readFlash(token: string | undefined | null): string | null {
  if (!token || token.length > 1000) return null;
  const [encoded, signature] = token.split(".");
  if (!encoded || !signature) return null;
  const message = Buffer.from(encoded, "base64url").toString("utf8");
  return safeEqual(signature, mac(message)) ? message : null;
}
