// Access scopes for the root fields the sandbox serves, checked like Shopify's ACCESS_DENIED
// (a write_ scope grants its read_ scope). Fields not listed need no scope here.
import { GraphQLError } from "graphql";

// Several scopes: any one of them will do (the schema's requiredAccess).
const HOLD_SCOPES = ["write_merchant_managed_fulfillment_orders", "write_third_party_fulfillment_orders"];
const REQUIRED: Record<string, string | string[]> = {
  product: "read_products", products: "read_products", productVariant: "read_products", productVariants: "read_products",
  inventoryItem: "read_inventory", inventoryLevel: "read_inventory", inventorySetQuantities: "write_inventory",
  order: "read_orders", orders: "read_orders", orderCreate: "write_orders", orderCancel: "write_orders",
  fulfillmentOrderHold: HOLD_SCOPES, fulfillmentOrderReleaseHold: [...HOLD_SCOPES, "write_marketplace_fulfillment_orders"],
};

export function hasScope(granted: string, needed: string): boolean {
  const list = granted.split(",").map((s) => s.trim());
  return list.includes(needed) || (needed.startsWith("read_") && list.includes(`write_${needed.slice(5)}`));
}

export function checkScope(field: string, granted: string): void {
  const needed = REQUIRED[field];
  const anyOf = needed === undefined ? [] : Array.isArray(needed) ? needed : [needed];
  if (anyOf.length === 0 || anyOf.some((scope) => hasScope(granted, scope))) return;
  const words = anyOf.map((scope) => `\`${scope}\` access scope`);
  const requiredAccess = `${words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : words[0]}.`;
  throw new GraphQLError(`Access denied for ${field} field. Required access: ${requiredAccess}`, {
    extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess },
  });
}

/** Wraps every function-valued root field with the scope check. */
export function withScopes(root: Record<string, unknown>, granted: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(root)) {
    out[name] = typeof value !== "function" ? value : (...args: unknown[]) => {
      checkScope(name, granted);
      return (value as (...a: unknown[]) => unknown)(...args);
    };
  }
  return out;
}
