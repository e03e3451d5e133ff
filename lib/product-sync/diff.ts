import type { DesiredImage, DesiredListing, FieldChange, TikTokListing } from "./listing";
import { MAIN_IMAGES_MAX } from "./desired-listing";
import { sameAmount } from "./money";

/** The writes one product needs, each through its own endpoint, with only what changed. */
export interface SyncPlan {
  /** Partial Edit fields (title, description): each one sent replaces that field, so only changed ones are sent. */
  content: { title?: string; description?: string };
  /** Partial Edit main_images, in order: sent only when the list of images changed; those without a uri are uploaded first. */
  images?: DesiredImage[];
  /** TikTok's main image uris now, when images are written. */
  currentImageUris?: string[];
  /** Update Price: SKUs whose price or list price changed. */
  prices: { id: string; price: string; listPrice: string | null }[];
  /** Update Inventory: SKUs whose stock changed in any warehouse, each with all of its warehouses. */
  inventory: { id: string; inventory: { warehouseId: string; quantity: number }[] }[];
  changes: FieldChange[];
}

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function isEmptyPlan(plan: SyncPlan): boolean {
  return Object.keys(plan.content).length === 0 && !plan.images && plan.prices.length === 0 && plan.inventory.length === 0;
}

/**
 * Pure: compares TikTok's listing with what Shopify and the rules want and answers the smallest set of writes.
 * SKUs are never sent through Partial Edit (sending `skus` deletes the SKUs left out), and a SKU the desired
 * listing does not name (unmapped) is left alone.
 */
export function diffListing({ current, desired }: { current: TikTokListing; desired: DesiredListing }): SyncPlan {
  const plan: SyncPlan = { content: {}, prices: [], inventory: [], changes: [] };
  if (desired.title !== undefined && desired.title !== current.title) {
    plan.content.title = desired.title;
    plan.changes.push({ field: "title", current: current.title, next: desired.title });
  }
  if (desired.description !== undefined && desired.description.trim() !== current.description.trim()) {
    plan.content.description = desired.description;
    plan.changes.push({ field: "description", current: clip(stripHtml(current.description)), next: clip(stripHtml(desired.description)) });
  }
  const images = desired.mainImages?.slice(0, MAIN_IMAGES_MAX);
  if (images && imagesChanged({ current: current.mainImages, desired: images })) {
    plan.images = images;
    plan.currentImageUris = current.mainImages.map((i) => i.uri);
    const uploads = images.filter((i) => i.uri === null).length;
    plan.changes.push({ field: "images", current: count(current.mainImages.length), next: `${count(images.length)} from Shopify${uploads > 0 ? ` (${uploads} to upload)` : ""}` });
  }
  const skus = new Map(current.skus.map((sku) => [sku.id, sku]));
  for (const want of desired.skus) {
    const have = skus.get(want.id);
    if (!have) continue;
    const label = have.sellerSku ?? have.id;
    if (want.price) {
      const priceChanged = !sameAmount(have.price, want.price.price);
      // A list price is only ever added or changed: TikTok has no call that removes one.
      const listChanged = want.price.listPrice !== null && !sameAmount(have.listPrice, want.price.listPrice);
      if (priceChanged || listChanged) {
        plan.prices.push({ id: have.id, price: want.price.price, listPrice: want.price.listPrice });
        if (priceChanged) plan.changes.push({ field: "price", sku: label, current: money(have.price, have.currency), next: money(want.price.price, have.currency) });
        if (listChanged) plan.changes.push({ field: "listPrice", sku: label, current: money(have.listPrice, have.currency), next: money(want.price.listPrice, have.currency) });
      }
    }
    if (want.inventory) {
      const now = new Map(have.inventory.map((w) => [w.warehouseId, w.quantity]));
      const changed = want.inventory.some((w) => now.get(w.warehouseId) !== w.quantity) || have.inventory.some((w) => !want.inventory!.some((x) => x.warehouseId === w.warehouseId));
      if (changed) {
        plan.inventory.push({ id: have.id, inventory: want.inventory });
        plan.changes.push({ field: "inventory", sku: label, current: stock(have.inventory), next: stock(want.inventory) });
      }
    }
  }
  return plan;
}

/** Same images in the same order; an image not uploaded yet cannot be on TikTok. */
function imagesChanged({ current, desired }: { current: { uri: string }[]; desired: DesiredImage[] }): boolean {
  return desired.length !== current.length || desired.some((image, i) => image.uri === null || image.uri !== current[i]!.uri);
}

const count = (n: number) => `${n} image${n === 1 ? "" : "s"}`;

function money(amount: string | null, currency: string): string {
  return amount === null ? "none" : `${amount} ${currency}`;
}

function stock(inventory: { warehouseId: string; quantity: number }[]): string {
  const total = inventory.reduce((sum, w) => sum + w.quantity, 0);
  return inventory.length > 1 ? `${total} (${inventory.map((w) => w.quantity).join(" + ")})` : String(total);
}

function stripHtml(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
}
