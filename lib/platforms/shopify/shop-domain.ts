// A shop domain typed by a merchant, checked before it goes anywhere near a URL: it becomes the host of
// the install redirect and of every Admin API call, so anything but `{name}.myshopify.com` is refused.
import { z } from "zod";

const SUFFIX = ".myshopify.com";
// One DNS label: letters, digits and inner hyphens, at most 63 characters.
const NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_INPUT = 100;

export const SHOP_DOMAIN_EXAMPLE = "your-store.myshopify.com";

export class InvalidShopDomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidShopDomainError";
  }
}

export type ShopDomainCheck = { ok: true; shop: string } | { ok: false; message: string };

const fail = (message: string): ShopDomainCheck => ({ ok: false, message });

/** `name` or `name.myshopify.com` (surrounding spaces and capitals forgiven) → `name.myshopify.com`. */
export function checkShopDomain(input: string): ShopDomainCheck {
  const trimmed = input.trim();
  if (trimmed === "") return fail(`Enter your store's address, for example ${SHOP_DOMAIN_EXAMPLE}.`);
  if (trimmed.length > MAX_INPUT) return fail("That is too long to be a Shopify store address.");
  // Checked before lowercasing: Unicode case mapping can turn a non-ASCII letter into an ASCII one (K → k).
  if (!/^[\x21-\x7e]+$/.test(trimmed)) {
    return fail("A store address uses only the letters a to z, digits, hyphens and dots, without spaces.");
  }
  const value = trimmed.toLowerCase();
  if (value.includes("://") || /^https?:/.test(value)) return fail(`Enter only the store address, without https://, for example ${SHOP_DOMAIN_EXAMPLE}.`);
  if (/[/?#\\]/.test(value)) return fail(`Enter only the store address, without a path, for example ${SHOP_DOMAIN_EXAMPLE}.`);
  if (/[:@]/.test(value)) return fail(`Enter only the store address, without a port or user name, for example ${SHOP_DOMAIN_EXAMPLE}.`);
  const name = value.endsWith(SUFFIX) ? value.slice(0, -SUFFIX.length) : value;
  if (name.includes(".")) {
    return fail(`Enter the store's myshopify.com address (for example ${SHOP_DOMAIN_EXAMPLE}), not a custom domain. You find it in Shopify under Settings → Domains.`);
  }
  if (name.length > 63) return fail("A store name has at most 63 characters.");
  if (!NAME.test(name)) {
    return fail("A store name uses only the letters a to z, digits and hyphens, and does not start or end with a hyphen.");
  }
  return { ok: true, shop: `${name}${SUFFIX}` };
}

/** The canonical `name.myshopify.com`, or an InvalidShopDomainError with a message fit for the merchant. */
export function normalizeShopDomain(input: string): string {
  const checked = checkShopDomain(input);
  if (!checked.ok) throw new InvalidShopDomainError(checked.message);
  return checked.shop;
}

/** True only for a domain already in canonical form (what Shopify itself sends). */
export function isCanonicalShopDomain(value: string): boolean {
  const checked = checkShopDomain(value);
  return checked.ok && checked.shop === value;
}

/** For request bodies: parses to the canonical domain, or fails with the merchant-facing message. */
export const shopDomainSchema = z.string().transform((value, ctx) => {
  const checked = checkShopDomain(value);
  if (checked.ok) return checked.shop;
  ctx.addIssue({ code: "custom", message: checked.message });
  return z.NEVER;
});
