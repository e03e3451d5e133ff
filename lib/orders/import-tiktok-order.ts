// One TikTok order → at most one Shopify order, whatever is retried, replayed or raced:
//   1. the order is read from TikTok as it is now (an event carries only its id);
//   2. its row (unique per TikTok shop and order id) records the newest status seen;
//   3. before orderCreate (which has no idempotency key) the row is claimed: only the claim's owner
//      creates, and a claim left by a crashed run lapses after CLAIM_LEASE;
//   4. the claimant first looks for an order an earlier, interrupted attempt made: TikTok's external
//      order reference, then Shopify's orders by source identifier; only if neither has one it creates;
//   5. the Shopify order id is saved, then written back to TikTok as the external order reference.
import { db } from "../db";
import { notFound } from "../errors";
import { getShopSettings } from "../settings/get-shop-settings";
import { buildShopifyOrder } from "./build-shopify-order";
import { cancelOrderInShopify } from "./cancel-imported-order";
import { createShopifyOrder, fetchTikTokOrder, findShopifyOrder, numericId, orderGid, readExternalReference, readShopifyOrderName, writeExternalReference, type ShopifyStoreRef, type TikTokShopRef } from "./order-platform-calls";
import { followTikTokHoldInShopify } from "./hold-shopify-fulfillment";
import { recordOrderEvent } from "./record-order-event";
import { markNeedsAttention, noteOrderImported } from "./order-outcomes";
import { resolveOrderVariants } from "./resolve-order-variants";
import { parseTikTokOrder, type TikTokOrder, type TikTokOrderStatus } from "./tiktok-order";

/** A claim older than this belongs to a run that died; far longer than one orderCreate call with its retries. */
export const CLAIM_LEASE_SECONDS = 600;

const IMPORTABLE = new Set<TikTokOrderStatus>(["AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION"]);
const SHIPPED = new Set<TikTokOrderStatus>(["IN_TRANSIT", "DELIVERED", "COMPLETED"]);

export interface ImportTikTokOrderOptions {
  organizationId: string;
  tiktokConnectionId: string;
  tiktokOrderId: string;
  /** Who may hold the creation claim: the job run (its retries continue its own claim). */
  owner: string;
}

export type ImportOutcome = { handled: true; action: string; orderId: string } | { handled: false; reason: string };

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(organizationId: string, tiktokConnectionId: string, tiktokOrderId: string) {
  return db().tikTokOrder.findFirst({ where: { organizationId, tiktokConnectionId, tiktokOrderId } });
}

export async function loadOrderPairing({ organizationId, tiktokConnectionId }: { organizationId: string; tiktokConnectionId: string }) {
  const tiktok = await db().connection.findFirst({
    where: { id: tiktokConnectionId, organizationId, platform: "TIKTOK" },
    select: {
      id: true, externalId: true, name: true, status: true, shopCipher: true, credentialId: true,
      pairedShopify: { select: { id: true, externalId: true, status: true, currency: true, credentialId: true } },
    },
  });
  if (!tiktok) throw notFound("TikTok shop not found.");
  return tiktok;
}

export async function importTikTokOrder(options: ImportTikTokOrderOptions): Promise<ImportOutcome> {
  const { organizationId, tiktokConnectionId, tiktokOrderId } = options;
  const pairing = await loadOrderPairing({ organizationId, tiktokConnectionId });
  if (pairing.status !== "ACTIVE" || !pairing.shopCipher) return { handled: false, reason: `the TikTok shop is ${pairing.status.toLowerCase().replace("_", " ")}: no orders are imported for it` };
  const shop: TikTokShopRef = { connectionId: pairing.id, credentialId: pairing.credentialId, shopCipher: pairing.shopCipher, shopId: pairing.externalId };

  const raw = await fetchTikTokOrder(shop, tiktokOrderId);
  if (!raw) return { handled: false, reason: `TikTok has no order ${tiktokOrderId} in this shop` };
  const parsed = parseTikTokOrder(raw);
  const status = parsed.ok ? parsed.order.status : String((raw as { status?: unknown }).status ?? "UNKNOWN").slice(0, 40);
  const row = await upsertRow({ organizationId, tiktokConnectionId, shopifyConnectionId: pairing.pairedShopify?.id ?? null, tiktokOrderId, order: parsed.ok ? parsed.order : null, status });
  if (!parsed.ok) {
    if (row.shopifyOrderId) return { handled: true, action: "unreadable update of an imported order ignored", orderId: row.id };
    await markNeedsAttention({ row, reason: parsed.reason, notify: true });
    return { handled: true, action: "malformed order: needs attention", orderId: row.id };
  }
  const order = parsed.order;
  const shopify = pairing.pairedShopify;
  const store: ShopifyStoreRef | null = shopify && shopify.status === "ACTIVE" ? { credentialId: shopify.credentialId, shop: shopify.externalId } : null;

  if (row.shopifyOrderId) return followImported({ row, order, shop, store });

  const settings = await getShopSettings({ organizationId, tiktokConnectionId });
  const skip = (reason: string) => setState(row, { state: "SKIPPED", stateReason: reason, kind: "skipped" });
  if (order.status === "CANCELLED") return skip(`Cancelled on TikTok before it was imported${order.cancel_reason ? ` (${order.cancel_reason})` : ""}.`);
  if (SHIPPED.has(order.status)) return skip("Shipped on TikTok before Ferry imported it.");
  if (order.is_sample_order && settings.orders.sampleOrders === "skip") return skip("A sample order: Settings → Orders skips samples.");
  if (order.is_replacement_order && settings.orders.replacementOrders === "skip") return skip("A replacement order: Settings → Orders skips replacements.");
  if (order.status === "UNPAID") return setState(row, { state: "WAITING", stateReason: "Waiting for the buyer's payment.", kind: "waiting" });
  const held = order.status === "ON_HOLD";
  if (held && !settings.orders.importOnHold) {
    return setState(row, { state: "WAITING", stateReason: "On hold at TikTok: the buyer may cancel for about an hour. It is created when the hold ends.", kind: "waiting" });
  }
  if (!held && !IMPORTABLE.has(order.status)) return { handled: true, action: `status ${order.status}: nothing to do`, orderId: row.id };
  if (!store || !shopify) {
    await markNeedsAttention({ row, reason: "The TikTok shop has no connected Shopify store: pair it under Connections.", notify: true });
    return { handled: true, action: "no Shopify store: needs attention", orderId: row.id };
  }

  const resolved = await resolveOrderVariants({ organizationId, tiktokConnectionId, shopifyConnectionId: shopify.id, lines: order.line_items });
  if (resolved.problems.length) {
    await markNeedsAttention({ row, reason: resolved.problems.map((p) => p.reason).join(" "), missingSkuIds: resolved.problems.map((p) => p.skuId), notify: true, skus: resolved.problems });
    return { handled: true, action: "unmapped SKU: needs attention", orderId: row.id };
  }
  const built = buildShopifyOrder({
    order,
    shop: { tiktokShopId: pairing.externalId, name: pairing.name },
    shopCurrency: shopify.currency ?? order.payment.currency,
    exchangeRate: settings.productSync.price.exchangeRate,
    variants: resolved.variants,
    settings: settings.orders,
  });
  if (!built.ok) {
    await markNeedsAttention({ row, reason: built.reason, missingSkuIds: built.missingSkuIds, notify: true });
    return { handled: true, action: "cannot build the order: needs attention", orderId: row.id };
  }

  const attempt = await claim(row.id, options.owner);
  if (attempt === null) return { handled: true, action: "another run holds the claim", orderId: row.id };

  // An earlier attempt may have created the order and died before saving it. Only a claim can call orderCreate,
  // so on the first claim ever only TikTok's reference is read (it outlives our database); after that, Shopify too.
  const existing = await findExisting({ shop, store, tiktokShopId: pairing.externalId, tiktokOrderId, searchShopify: attempt > 1 });
  let created: { id: string; name: string | null; lines: { id: string; originId: string }[] };
  if (existing) {
    created = { id: existing.id, name: existing.name, lines: [] };
    await recordOrderEvent({ organizationId, orderId: row.id, kind: "adopted", message: `Found Shopify order ${existing.name ?? numericId(existing.id)} made by an earlier attempt: not created again.` });
  } else {
    const result = await createShopifyOrder(store, built.input);
    if (!result.ok) {
      await release(row.id);
      await markNeedsAttention({ row, reason: result.reason, notify: true });
      return { handled: true, action: "Shopify refused the order: needs attention", orderId: row.id };
    }
    created = { id: result.order.id, name: result.order.name, lines: pairLines(order, result.order.lineItems.nodes, resolved.variants) };
  }
  const saved = await db().tikTokOrder.updateMany({
    where: { id: row.id, shopifyOrderId: null },
    data: {
      shopifyOrderId: created.id, shopifyOrderName: created.name, state: held ? "HELD" : "CREATED", stateReason: held ? "Created during TikTok's hold: the buyer may still cancel." : null,
      lastError: null, missingSkuIds: [], claimOwner: null, claimedAt: null, importedAt: new Date(),
    },
  });
  if (saved.count === 1) await noteOrderImported({ row, shopifyOrderName: created.name ?? numericId(created.id), held, adopted: !!existing });
  // Before anything else: until it is held, the Shopify order could be fulfilled while the buyer may still cancel.
  if (held) await followTikTokHoldInShopify({ row: { ...row, shopifyOrderId: created.id, shopifyOrderName: created.name }, store, direction: "hold" });
  await writeReference({ row: { ...row, shopifyOrderId: created.id }, shop, lines: created.lines });
  return { handled: true, action: existing ? "adopted the Shopify order an earlier attempt made" : held ? "created (held)" : "created", orderId: row.id };
}

async function upsertRow(options: { organizationId: string; tiktokConnectionId: string; shopifyConnectionId: string | null; tiktokOrderId: string; order: TikTokOrder | null; status: string }): Promise<Row> {
  const { organizationId, tiktokConnectionId, tiktokOrderId, order, status } = options;
  const facts = order
    ? { currency: order.payment.currency, totalAmount: order.payment.total_amount, itemCount: order.line_items.length, isSample: !!order.is_sample_order, tiktokCreatedAt: new Date(order.create_time * 1000) }
    : {};
  const updateTime = order?.update_time ?? 0;
  const before = await findRow(organizationId, tiktokConnectionId, tiktokOrderId);
  if (!before) {
    try {
      const created = await db().tikTokOrder.create({
        data: { organizationId, tiktokConnectionId, shopifyConnectionId: options.shopifyConnectionId, tiktokOrderId, tiktokStatus: status, tiktokUpdateTime: updateTime, ...facts },
      });
      await recordOrderEvent({ organizationId, orderId: created.id, kind: "seen", message: `Seen on TikTok: ${status}.` });
      return created;
    } catch (error) {
      // Another run created the row a moment ago: carry on with it.
      if ((error as { code?: string }).code !== "P2002") throw error;
      // The unique key is (shop, order): a row this organization cannot see is never touched.
      if (!(await findRow(organizationId, tiktokConnectionId, tiktokOrderId))) throw new Error(`TikTok order ${tiktokOrderId} is held under another organization`);
      return upsertRow(options);
    }
  }
  // An older read never overwrites a newer status.
  const moved = await db().tikTokOrder.updateMany({
    where: { id: before.id, tiktokUpdateTime: { lte: updateTime } },
    data: { tiktokStatus: status, tiktokUpdateTime: updateTime, ...(before.shopifyConnectionId ? {} : { shopifyConnectionId: options.shopifyConnectionId }), ...facts },
  });
  if (moved.count === 1 && before.tiktokStatus !== status) await recordOrderEvent({ organizationId, orderId: before.id, kind: "status", message: `TikTok status: ${status}.` });
  return (await findRow(organizationId, tiktokConnectionId, tiktokOrderId))!;
}

async function setState(row: Row, change: { state: "WAITING" | "SKIPPED"; stateReason: string; kind: "waiting" | "skipped" }): Promise<ImportOutcome> {
  if (row.state !== change.state || row.stateReason !== change.stateReason) {
    await db().tikTokOrder.update({ where: { id: row.id }, data: { state: change.state, stateReason: change.stateReason, lastError: null, missingSkuIds: [] } });
    await recordOrderEvent({ organizationId: row.organizationId, orderId: row.id, kind: change.kind, message: change.stateReason });
  }
  return { handled: true, action: change.state.toLowerCase(), orderId: row.id };
}

/**
 * The exclusive right to create: free, ours already (a retry of the same run), or left by a run that died.
 * Resolves to how many claims the row has seen, this one included; null when another run holds it.
 */
async function claim(id: string, owner: string): Promise<number | null> {
  const rows = await db().$queryRaw<{ attempts: number }[]>`
    UPDATE "TikTokOrder" SET "claimOwner" = ${owner}, "claimedAt" = now(), "attempts" = "attempts" + 1, "updatedAt" = now()
    WHERE "id" = ${id} AND "shopifyOrderId" IS NULL
      AND ("claimOwner" IS NULL OR "claimOwner" = ${owner} OR "claimedAt" < now() - make_interval(secs => ${CLAIM_LEASE_SECONDS}))
    RETURNING "attempts"`;
  return rows[0]?.attempts ?? null;
}

async function release(id: string) {
  await db().tikTokOrder.updateMany({ where: { id, shopifyOrderId: null }, data: { claimOwner: null, claimedAt: null } });
}

async function findExisting(options: { shop: TikTokShopRef; store: ShopifyStoreRef; tiktokShopId: string; tiktokOrderId: string; searchShopify: boolean }): Promise<{ id: string; name: string | null } | null> {
  // TikTok's reference is written right after creating; Shopify's search also finds an order whose reference was not.
  const reference = await readExternalReference(options.shop, options.tiktokOrderId);
  if (!options.searchShopify && !reference) return null;
  const found = await findShopifyOrder(options.store, { tiktokShopId: options.tiktokShopId, tiktokOrderId: options.tiktokOrderId });
  if (found) return { id: found.id, name: found.name };
  // Shopify's search index can lag a just-created order; TikTok's reference cannot. The order read by id gives its name.
  if (!reference) return null;
  return { id: orderGid(reference), name: await readShopifyOrderName(options.store, orderGid(reference)) };
}

/** Each TikTok line item (one per unit) beside the Shopify line item of its variant, for the external reference. */
function pairLines(order: TikTokOrder, lines: { id: string; variant?: { id: string } | null }[], variants: Map<string, string>) {
  return order.line_items.flatMap((li) => {
    const shopifyLine = lines.find((l) => l.variant?.id === variants.get(li.sku_id));
    return shopifyLine ? [{ id: shopifyLine.id, originId: li.id }] : [];
  });
}

async function writeReference({ row, shop, lines }: { row: Row; shop: TikTokShopRef; lines: { id: string; originId: string }[] }) {
  if (!row.shopifyOrderId) return;
  await writeExternalReference(shop, { orderId: row.tiktokOrderId, shopifyOrderId: row.shopifyOrderId, lineItems: lines });
  const marked = await db().tikTokOrder.updateMany({ where: { id: row.id, externalRefAt: null }, data: { externalRefAt: new Date() } });
  if (marked.count === 1) await recordOrderEvent({ organizationId: row.organizationId, orderId: row.id, kind: "reference", message: "Shopify order id written to TikTok as the external order reference." });
}

/** An order already in Shopify: the hold ends, a cancellation follows, the reference is written if it is missing. */
async function followImported({ row, order, shop, store }: { row: Row; order: TikTokOrder; shop: TikTokShopRef; store: ShopifyStoreRef | null }): Promise<ImportOutcome> {
  if (order.status === "CANCELLED") {
    if (row.state === "CANCELLED") return { handled: true, action: "already cancelled", orderId: row.id };
    if (!store) {
      await markNeedsAttention({ row, reason: "Cancelled on TikTok, but the Shopify store is not connected: cancel the Shopify order there.", notify: true });
      return { handled: true, action: "cancellation needs attention", orderId: row.id };
    }
    return cancelOrderInShopify({ row, store, cancelReason: order.cancel_reason, initiator: order.cancellation_initiator });
  }
  if (row.state === "HELD" && order.status === "ON_HOLD") {
    // A retry of an import whose Shopify hold failed, or a replay: holding again changes nothing that is held.
    if (store) await followTikTokHoldInShopify({ row, store, direction: "hold" });
  } else if (row.state === "HELD" && (IMPORTABLE.has(order.status) || SHIPPED.has(order.status))) {
    if (!store) {
      // Still HELD (not Needs attention): the polling backstop releases it once the store is connected again.
      const reason = "TikTok's hold ended, but the Shopify store is not connected: reconnect it, or release the order's fulfillment hold in Shopify.";
      if (row.lastError !== reason) {
        await db().tikTokOrder.updateMany({ where: { id: row.id, organizationId: row.organizationId }, data: { lastError: reason } });
        await recordOrderEvent({ organizationId: row.organizationId, orderId: row.id, kind: "error", message: reason });
      }
      return { handled: true, action: "hold ended: waiting for the Shopify store to release it", orderId: row.id };
    }
    // Released first: the row stays HELD until Shopify's hold is gone, so a failed release is tried again.
    await followTikTokHoldInShopify({ row, store, direction: "release" });
    const ended = await db().tikTokOrder.updateMany({ where: { id: row.id, organizationId: row.organizationId, state: "HELD" }, data: { state: "CREATED", stateReason: null } });
    if (ended.count === 1) await recordOrderEvent({ organizationId: row.organizationId, orderId: row.id, kind: "released", message: "TikTok's hold ended: the order is ready to ship." });
  }
  // The reference did not make it to TikTok after the order was created (a failed call): write it now.
  if (!row.externalRefAt) await writeReference({ row, shop, lines: [] });
  return { handled: true, action: `imported already (TikTok: ${order.status})`, orderId: row.id };
}
