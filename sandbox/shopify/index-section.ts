// An HTML fragment for the sandbox's index page ("/"): Shopify shops, some products and the orders
// apps created, each open order with a Fulfill form (it posts to the control API; the answer is JSON).
import type { SandboxContext } from "../core/platform";
import { totalAvailable } from "./catalog";
import { displayFulfillmentStatus } from "./orders";
import { shopifyState } from "./state";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const MAX_ROWS = 25;

export function shopifyIndexHtml(ctx: SandboxContext): string {
  const shops = Object.values(shopifyState(ctx).shops);
  if (shops.length === 0) return "<h2>Shopify</h2><p>No shops yet: <code>POST /__sandbox/shopify/shops</code>.</p>";
  return `<h2>Shopify</h2>${shops.map((shop) => {
    const products = Object.values(shop.products);
    const productRows = products.slice(0, MAX_ROWS).map((p) => `<tr><td>${esc(p.title)}</td><td>${esc(p.status)}</td><td>${p.variantIds.map((id) => {
      const v = shop.variants[id]!;
      return `${esc(v.sku ?? "")} (${totalAvailable(shop, v.inventoryItemId)})`;
    }).join(", ")}</td></tr>`).join("");
    const orders = Object.values(shop.orders).slice(-MAX_ROWS).reverse();
    const orderRows = orders.map((o) => {
      const status = o.cancelledAt ? "CANCELLED" : displayFulfillmentStatus(o);
      const form = status === "UNFULFILLED" || status === "PARTIALLY_FULFILLED"
        ? `<form method="post" action="/__sandbox/shopify/shops/${esc(shop.domain)}/orders/${o.id}/fulfill"><input name="company" value="UPS" size="6"><input name="trackingNumber" value="1Z${o.id}" size="10"><button>Fulfill</button></form>`
        : "";
      return `<tr><td>${esc(o.name)}</td><td>${esc(o.sourceName ?? "")} ${esc(o.sourceIdentifier ?? "")}</td><td>${o.lineItems.map((li) => `${li.quantity}× ${esc(li.sku ?? li.title)}`).join(", ")}</td><td>${status}</td><td>${form}</td></tr>`;
    }).join("");
    return `<h3>${esc(shop.domain)} <small>(${esc(shop.plan)}, ${esc(shop.currency)}, ${Object.keys(shop.variants).length} variants, apps: ${esc(Object.keys(shop.installs).join(", ") || "none")})</small></h3>
<table border="1" cellpadding="3"><tr><th>Product</th><th>Status</th><th>SKU (available)</th></tr>${productRows}</table>${products.length > MAX_ROWS ? `<p>… and ${products.length - MAX_ROWS} more products</p>` : ""}
<table border="1" cellpadding="3"><tr><th>Order</th><th>Source</th><th>Items</th><th>Fulfillment</th><th></th></tr>${orderRows || "<tr><td colspan=5>No orders yet</td></tr>"}</table>`;
  }).join("")}`;
}
