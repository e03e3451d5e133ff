// A hint while typing only: the server validates the domain strictly and its message wins.
export const SHOP_DOMAIN_EXAMPLE = "your-store.myshopify.com";
const SUFFIX = ".myshopify.com";
const NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type ShopDomainHint = { kind: "empty" } | { kind: "ok"; shop: string } | { kind: "problem"; message: string };

/** `name` or `name.myshopify.com` → the address Ferry will connect, or what looks wrong with the input. */
export function shopDomainHint(input: string): ShopDomainHint {
  const value = input.trim().toLowerCase();
  if (value === "") return { kind: "empty" };
  if (/^[a-z]+:\/\//.test(value)) return { kind: "problem", message: "Leave out https:// and type only the store address." };
  if (/[/?#\\:@\s]/.test(value)) return { kind: "problem", message: `Type only the store address, for example ${SHOP_DOMAIN_EXAMPLE}.` };
  const name = value.endsWith(SUFFIX) ? value.slice(0, -SUFFIX.length) : value;
  if (name.includes(".")) {
    return { kind: "problem", message: "Use the store's myshopify.com address, not a custom domain (Shopify shows it under Settings → Domains)." };
  }
  if (!NAME.test(name)) return { kind: "problem", message: "A store name uses only letters a to z, digits and inner hyphens." };
  return { kind: "ok", shop: `${name}${SUFFIX}` };
}

/** The text under the shop field. */
export function shopDomainHintText(hint: ShopDomainHint): string {
  if (hint.kind === "ok") return `Ferry will connect ${hint.shop}.`;
  if (hint.kind === "problem") return hint.message;
  return `Your store's address, for example ${SHOP_DOMAIN_EXAMPLE}. The name alone works too.`;
}
