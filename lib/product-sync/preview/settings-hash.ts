import { createHash } from "node:crypto";
import type { ProductSyncSettings } from "../../settings/sections/product-sync-settings";

/**
 * A stable fingerprint of what sync would write with these settings (key order does not matter). The cross-border
 * confirmation is left out: it is given in the preview itself, after seeing it.
 */
export function settingsHash(settings: ProductSyncSettings): string {
  const { overwriteGlobalProducts: _confirmation, ...rules } = settings;
  return createHash("sha256").update(canonical(rules)).digest("hex").slice(0, 32);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
