import crypto from "node:crypto";
import type { TikTokState } from "./state";

// Real ids are 19-digit numeric strings; a prefix per kind keeps them apart and sortable within a kind.
const PREFIX = {
  seller: "749", shop: "749", product: "172", sku: "173", globalProduct: "178", globalSku: "179", order: "576",
  lineItem: "577", package: "115", warehouse: "706", notification: "732", openId: "701",
} as const;
export type IdKind = keyof typeof PREFIX;

export function nextId(s: TikTokState, kind: IdKind): string {
  s.seq += 1;
  return PREFIX[kind] + String(s.seq).padStart(16, "0");
}

export function randomToken(prefix: string, bytes = 24): string {
  return prefix + crypto.randomBytes(bytes).toString("base64url");
}
