// The Shopify part of the sandbox's index page ("/"): shops with their locations, the first products and the newest
// orders (counts plus the first rows, never the whole catalog), and a Fulfill form (tracking number and carrier) on
// each open order. The form posts to /__sandbox/ui/..., which runs the control API's fulfill and comes back here.
import { escapeHtml as esc } from "../core/http";
import { uiAction } from "../core/index-actions";
import type { SandboxContext } from "../core/platform";
import { totalAvailable } from "./catalog";
import { displayFulfillmentStatus } from "./orders";
import { take } from "../core/range-index";
import { shopIndex } from "./shop-index";
import { shopifyState, type OrderRec, type ProductRec, type ShopRec } from "./state";

const MAX_SHOPS = 20;
const MAX_PRODUCTS = 20;
const MAX_VARIANTS = 5;
const MAX_ORDERS = 15;
const CARRIERS = ["UPS", "USPS", "FedEx", "DHL Express", "DHL eCommerce", "OnTrac", "Royal Mail", "DPD", "Evri"];

/** A SKU as typed, with quotes when whitespace would otherwise be invisible. */
const showSku = (sku: string | null) => (sku === null || sku === "" ? "<em>no SKU</em>" : `<code>${esc(sku !== sku.trim() || /\s{2}/.test(sku) ? JSON.stringify(sku) : sku)}</code>`);

function productRow(shop: ShopRec, p: ProductRec): string {
  const variants = p.variantIds.slice(0, MAX_VARIANTS).map((id) => {
    const v = shop.variants[id]!;
    const barcode = v.barcode ? ` · barcode ${esc(v.barcode)}` : "";
    return `${showSku(v.sku)} <small>${esc(v.title)} · ${esc(v.price)} ${esc(shop.currency)} · available ${totalAvailable(shop, v.inventoryItemId)}${barcode}</small>`;
  });
  const more = p.variantIds.length > MAX_VARIANTS ? `<br><small>+${p.variantIds.length - MAX_VARIANTS} more variants</small>` : "";
  return `<tr><td>${esc(p.title)}<br><small>id ${p.id}</small></td><td>${esc(p.status)}</td><td>${variants.join("<br>")}${more}</td></tr>`;
}

function fulfillForm(shop: ShopRec, o: OrderRec): string {
  const listId = `shopify-carriers-${o.id}`;
  return `<form method="post" action="${esc(uiAction(`/__sandbox/shopify/shops/${encodeURIComponent(shop.domain)}/orders/${o.id}/fulfill`))}">
<label>tracking <input name="trackingNumber" value="1Z999AA1${String(o.id).padStart(10, "0")}" size="20" required></label>
<label>carrier <input name="company" value="UPS" list="${listId}" size="10" required></label><datalist id="${listId}">${CARRIERS.map((c) => `<option value="${esc(c)}">`).join("")}</datalist>
<input type="hidden" name="_label" value="Fulfilled Shopify order ${esc(o.name)}"><input type="hidden" name="_report" value="name,fulfillmentStatus">
<button type="submit">Fulfill</button></form>`;
}

function orderRow(shop: ShopRec, o: OrderRec): string {
  const status = o.cancelledAt ? "CANCELLED" : displayFulfillmentStatus(o);
  const open = !o.cancelledAt && (status === "UNFULFILLED" || status === "PARTIALLY_FULFILLED");
  const tracking = o.fulfillmentIds.flatMap((id) => shop.fulfillments[id]!.tracking).map((t) => `${esc(t.company ?? "")} ${esc(t.number ?? "")}`).join(", ");
  const items = o.lineItems.map((li) => `${li.quantity}× ${li.sku ? showSku(li.sku) : esc(li.title)}`).join(", ");
  const source = [o.sourceName, o.sourceIdentifier].filter(Boolean).map((x) => esc(x!)).join(" ");
  return `<tr><td>${esc(o.name)}<br><small>id ${o.id}</small></td><td>${source || "–"}</td><td>${items}</td><td>${esc(status)}</td><td>${tracking || "–"}</td><td>${open ? fulfillForm(shop, o) : ""}</td></tr>`;
}

function shopHtml(shop: ShopRec): string {
  const ix = shopIndex(shop);
  const products = take(ix.products.all.segments(), { limit: MAX_PRODUCTS }).entries.map((e) => shop.products[e.id]!);
  const orders = take(ix.orders.all.segments(), { limit: MAX_ORDERS, desc: true }).entries.map((e) => shop.orders[e.id]!);
  const locations = shop.locations.map((l) => `${esc(l.name)}${l.isPrimary ? " (primary)" : ""}`).join(", ");
  const productTable = products.length
    ? `<table><tr><th>Product</th><th>Status</th><th>Variants (SKU, price, available)</th></tr>${products.map((p) => productRow(shop, p)).join("")}</table>`
      + (ix.products.size > products.length ? `<p class="note">Showing the first ${products.length} of ${ix.products.size} products.</p>` : "")
    : `<p class="note">No products yet: <code>POST /__sandbox/shopify/shops/${esc(shop.domain)}/products</code>.</p>`;
  const orderTable = orders.length
    ? `<table><tr><th>Order</th><th>Source</th><th>Items</th><th>Fulfillment</th><th>Tracking</th><th></th></tr>${orders.map((o) => orderRow(shop, o)).join("")}</table>`
      + (ix.orders.size > orders.length ? `<p class="note">Showing the newest ${orders.length} of ${ix.orders.size} orders.</p>` : "")
    : `<p class="note">No orders yet (apps create them with <code>orderCreate</code>).</p>`;
  return `<h3>${esc(shop.domain)} <small>(${esc(shop.plan)}, ${esc(shop.currency)}, ${ix.products.size} products, ${ix.variants.size} variants, ${ix.orders.size} orders, installed apps: ${esc(Object.keys(shop.installs).join(", ") || "none")})</small></h3>
<p>Locations: ${locations}</p>
${productTable}<h4>Orders</h4>${orderTable}`;
}

export function shopifyIndexHtml(ctx: SandboxContext): string {
  const all = Object.values(shopifyState(ctx).shops);
  if (all.length === 0) return "<h2>Shopify</h2><p>No shops yet: <code>POST /__sandbox/shopify/shops</code>.</p>";
  const apps = Object.keys(ctx.apps("shopify"));
  const shops = all.slice(0, MAX_SHOPS);
  return `<h2>Shopify</h2><p>Registered apps: ${apps.length ? apps.map((a) => `<code>${esc(a)}</code>`).join(", ") : "none registered"}.</p>
${shops.map(shopHtml).join("\n")}${all.length > shops.length ? `<p class="note">Showing ${shops.length} of ${all.length} shops.</p>` : ""}`;
}
