// The TikTok part of the sandbox's index page ("/"): sellers and their shops, the newest products and orders of each
// shop (counts plus the first rows, never the whole catalog) and a form per shop to place an order as a buyer.
import { escapeHtml as esc } from "../core/http";
import { uiAction } from "../core/index-actions";
import type { SandboxContext } from "../core/platform";
import { settleOrders } from "./order-model";
import { take, type RangeIndex } from "../core/range-index";
import type { Entry } from "../core/sorted-run";
import { getStore, orderIndexKey, type Store } from "./store";
import type { Order, Product, Shop } from "./state";

const MAX_PRODUCTS = 20;
const MAX_SKUS = 5;
const MAX_ORDERS = 10;
const MAX_SKU_OPTIONS = 50;
const MAX_SELLERS = 20;
const MAX_SCAN = 2_000; // deleted products are skipped; never walk a whole catalog to find live ones

/** A seller SKU as typed, with quotes when whitespace would otherwise be invisible. */
const showSku = (sku: string) => esc(sku !== sku.trim() || /\s{2}/.test(sku) ? JSON.stringify(sku) : sku);

/** Ids from the newest end of an index, skipping those `skip` rejects. */
function newest(index: RangeIndex<string> | undefined, n: number, skip: (id: string) => boolean = () => false): string[] {
  const out: string[] = [];
  let before: Entry<string> | undefined;
  for (let scanned = 0; index && out.length < n && scanned < MAX_SCAN;) {
    const { entries, more } = take(index.segments({ before }), { limit: Math.min(n - out.length, MAX_SCAN - scanned), desc: true });
    scanned += entries.length;
    for (const e of entries) if (!skip(e.id)) out.push(e.id);
    if (!more || entries.length === 0) break;
    before = entries[entries.length - 1];
  }
  return out;
}

function productRow(p: Product): string {
  const skus = p.live.skus.slice(0, MAX_SKUS).map((k) => {
    const stock = k.inventory.reduce((n, i) => n + i.quantity, 0);
    const barcode = k.identifier_code ? ` · ${esc(k.identifier_code.type)} ${esc(k.identifier_code.code)}` : "";
    return `<code>${showSku(k.seller_sku)}</code> <small>id ${esc(k.id)} · ${esc(k.price.sale_price)} ${esc(k.price.currency)} · stock ${stock}${barcode}</small>`;
  });
  const more = p.live.skus.length > MAX_SKUS ? `<br><small>+${p.live.skus.length - MAX_SKUS} more SKUs</small>` : "";
  const global = p.global_product_id ? `<br><small>global product ${esc(p.global_product_id)}</small>` : "";
  return `<tr><td>${esc(p.live.title)}${global}</td><td>${esc(p.status)}${p.pending ? " (edit under review)" : ""}</td><td>${skus.join("<br>")}${more}</td></tr>`;
}

function orderRow(store: Store, o: Order): string {
  const units = new Map<string, number>();
  for (const li of o.line_items) units.set(li.seller_sku, (units.get(li.seller_sku) ?? 0) + 1);
  const items = [...units].map(([sku, n]) => `${n}× <code>${showSku(sku)}</code>`).join(", ");
  const tracking = o.packages.map((id) => store.s.packages[id]!).filter((p) => p.tracking_number).map((p) => esc(p.tracking_number!)).join(", ");
  const created = new Date(o.create_time * 1000).toISOString().replace("T", " ").slice(0, 16);
  return `<tr><td><code>${esc(o.id)}</code><br><small>${created}</small></td><td>${esc(o.status)}</td><td>${items}</td>`
    + `<td>${esc(String(o.payment.total_amount ?? ""))} ${esc(String(o.payment.currency ?? ""))}</td><td>${tracking || "–"}</td></tr>`;
}

function orderForm(shop: Shop, skus: string[]): string {
  const listId = `tiktok-skus-${esc(shop.id)}`;
  const options = skus.map((s) => `<option value="${esc(s)}">`).join("");
  return `<form method="post" action="${esc(uiAction(`/__sandbox/tiktok/shops/${encodeURIComponent(shop.id)}/orders`))}">
<strong>Place an order:</strong>
<label>seller SKU <input name="lineItems.0.sellerSku" list="${listId}" size="18"></label>
or <label>SKU id <input name="lineItems.0.skuId" size="19" inputmode="numeric"></label>
<label>quantity <input name="lineItems.0.quantity:number" type="number" min="1" max="100" value="1" required></label>
<label>status <select name="status"><option value="AWAITING_SHIPMENT" selected>AWAITING_SHIPMENT</option><option value="ON_HOLD">ON_HOLD</option><option value="UNPAID">UNPAID</option></select></label>
<input type="hidden" name="_label" value="TikTok order in ${esc(shop.name)}"><input type="hidden" name="_report" value="orderId,status">
<button type="submit">Place order</button><datalist id="${listId}">${options}</datalist></form>`;
}

function shopHtml(store: Store, shop: Shop): string {
  const s = store.s;
  const all = store.productsByShop.get(shop.id);
  const productCount = (all?.size ?? 0) - (store.productsByShop.get(`${shop.id}|DELETED`)?.size ?? 0);
  const products = newest(all, MAX_PRODUCTS, (id) => s.products[id]!.status === "DELETED").map((id) => s.products[id]!);
  const orderIndex = store.ordersByShop.get(orderIndexKey({ shop: shop.id, field: "create_time" }));
  const orders = newest(orderIndex, MAX_ORDERS).map((id) => s.orders[id]!);
  const skus = [...new Set(products.flatMap((p) => p.live.skus.map((k) => k.seller_sku)))].slice(0, MAX_SKU_OPTIONS);
  const productNote = productCount > products.length ? `<p class="note">Showing the newest ${products.length} of ${productCount} products.</p>` : "";
  const orderNote = (orderIndex?.size ?? 0) > orders.length ? `<p class="note">Showing the newest ${orders.length} of ${orderIndex!.size} orders.</p>` : "";
  const productTable = products.length
    ? `<table><tr><th>Product</th><th>Status</th><th>SKUs</th></tr>${products.map(productRow).join("")}</table>${productNote}`
    : `<p class="note">No products yet: <code>POST /__sandbox/tiktok/shops/${esc(shop.id)}/products</code>.</p>`;
  const orderTable = orders.length
    ? `<table><tr><th>Order</th><th>Status</th><th>Items</th><th>Total</th><th>Tracking</th></tr>${orders.map((o) => orderRow(store, o)).join("")}</table>${orderNote}`
    : `<p class="note">No orders yet.</p>`;
  return `<h4>${esc(shop.name)} <small>(${esc(shop.region)}, ${esc(shop.currency)}, shop <code>${esc(shop.id)}</code>, cipher <code>${esc(shop.cipher)}</code>, ${productCount} products, ${orderIndex?.size ?? 0} orders)</small></h4>
${productTable}${orderForm(shop, skus)}${orderTable}`;
}

export function tiktokIndexHtml(ctx: SandboxContext): string {
  const store = getStore(ctx);
  settleOrders(ctx, store); // show ON_HOLD orders that are due as they are now
  const allSellers = Object.values(store.s.sellers);
  const sellers = allSellers.slice(0, MAX_SELLERS);
  if (sellers.length === 0) return `<h2>TikTok Shop</h2><p>No shops yet: <code>POST /__sandbox/tiktok/shops</code>.</p>`;
  const apps = Object.keys(ctx.apps("tiktok"));
  return `<h2>TikTok Shop</h2><p>Registered apps: ${apps.length ? apps.map((a) => `<code>${esc(a)}</code>`).join(", ") : "none registered"}.</p>
${sellers.map((seller) => {
    const shops = seller.shop_ids.map((id) => store.s.shops[id]!).filter(Boolean);
    const type = shops[0]?.seller_type ?? "LOCAL";
    const globals = store.globalsBySeller.get(seller.id)?.size ?? 0;
    const authorized = Object.values(store.s.grants).filter((g) => g.seller_id === seller.id && !g.revoked).map((g) => g.app_key);
    return `<h3>Seller ${esc(seller.name)} <small>(${esc(type)}, seller <code>${esc(seller.id)}</code>${type === "CROSS_BORDER" ? `, ${globals} global products` : ""}, authorized apps: ${esc(authorized.join(", ") || "none")})</small></h3>
${shops.map((shop) => shopHtml(store, shop)).join("\n")}`;
  }).join("\n")}${allSellers.length > sellers.length ? `<p class="note">Showing ${sellers.length} of ${allSellers.length} sellers.</p>` : ""}`;
}
