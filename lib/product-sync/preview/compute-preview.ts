import { z } from "zod";
import { mapConcurrent } from "../../catalog/tiktok/map-concurrent";
import { db, type Prisma } from "../../db";
import { productSyncSchema } from "../../settings/sections/product-sync-settings";
import { loadSyncTarget } from "../load-sync-target";
import { planProductSync } from "../plan-product-sync";
import { failureMessage } from "../sync-product";
import { mappedProductsPage, mappingPreviewProducts, PREVIEW_PAGE, previewShops, type PreviewProduct } from "./preview-scope";

// Products planned at once: each reads TikTok and Shopify; the clients' limiters pace the calls.
const CONCURRENCY = 8;

export const previewCursorSchema = z.object({ after: z.string().nullable(), offset: z.number().int().min(0) });
export type PreviewCursor = z.infer<typeof previewCursorSchema>;

export const startCursor: PreviewCursor = { after: null, offset: 0 };

/** One page of the preview: plans each product (reads only) and stores what would change. Safe to run twice. */
export async function computePreviewPage({ previewId, cursor }: { previewId: string; cursor: PreviewCursor }): Promise<{ cursor: PreviewCursor | null }> {
  const preview = await db().productSyncPreview.findUniqueOrThrow({ where: { id: previewId } });
  if (preview.status !== "RUNNING") return { cursor: null };
  const settings = productSyncSchema.parse(preview.settings);
  let products: PreviewProduct[];
  let next: PreviewCursor | null;
  if (preview.purpose === "mapping") {
    const all = await mappingPreviewProducts({ organizationId: preview.organizationId, rows: z.array(z.object({ tiktokSkuId: z.string(), shopifyVariantId: z.string() })).parse(preview.rows) });
    products = all.slice(cursor.offset, cursor.offset + PREVIEW_PAGE);
    next = cursor.offset + PREVIEW_PAGE < all.length ? { after: null, offset: cursor.offset + PREVIEW_PAGE } : null;
  } else {
    const shopIds = await previewShops({ organizationId: preview.organizationId, tiktokConnectionId: preview.tiktokConnectionId });
    const ids = await mappedProductsPage({ organizationId: preview.organizationId, shopIds, after: cursor.after });
    products = ids.map((tiktokProductId) => ({ tiktokProductId }));
    next = ids.length === PREVIEW_PAGE ? { after: ids.at(-1)!, offset: 0 } : null;
  }
  // A retried step may have stored some of this page already.
  await db().productSyncPreviewItem.deleteMany({ where: { previewId, tiktokProductId: { in: products.map((p) => p.tiktokProductId) } } });
  const items = await mapConcurrent({ items: products, concurrency: CONCURRENCY, work: (product) => previewProduct({ organizationId: preview.organizationId, product, settings }) });
  const affected = items.filter((i) => i.changes.length > 0 || i.error);
  if (affected.length > 0) {
    await db().productSyncPreviewItem.createMany({
      data: affected.map((i) => ({ organizationId: preview.organizationId, previewId, tiktokProductId: i.tiktokProductId, title: i.title, shopName: i.shopName, changes: { changes: i.changes, problems: i.problems, error: i.error } as Prisma.InputJsonObject })),
    });
  }
  await db().productSyncPreview.update({
    where: { id: previewId },
    data: {
      productsChecked: { increment: items.length },
      productsAffected: { increment: items.filter((i) => i.changes.length > 0).length },
      globalProducts: { increment: items.filter((i) => i.changes.some((c) => c.scope === "global")).length },
    },
  });
  return { cursor: next };
}

interface PreviewItem {
  tiktokProductId: string;
  title: string;
  shopName: string;
  changes: { scope: "local" | "global"; field: string; sku?: string; current: string; next: string }[];
  problems: string[];
  error: string | null;
}

async function previewProduct({ organizationId, product, settings }: { organizationId: string; product: PreviewProduct; settings: ReturnType<typeof productSyncSchema.parse> }): Promise<PreviewItem> {
  const base = { tiktokProductId: product.tiktokProductId, title: "", shopName: "", changes: [], problems: [], error: null };
  try {
    const target = await loadSyncTarget({ organizationId, tiktokProductId: product.tiktokProductId });
    if (product.pairs) {
      const replaced = new Set(product.pairs.map((p) => p.tiktokSkuId));
      target.pairs = [...target.pairs.filter((p) => !replaced.has(p.tiktokSkuId)), ...product.pairs];
    }
    const item = { ...base, title: target.product.title, shopName: target.tiktok.name };
    const planned = await planProductSync({ target, settings });
    return {
      ...item,
      changes: [...(planned.global?.plan.changes ?? []).map((c) => ({ ...c, scope: "global" as const })), ...planned.local.plan.changes.map((c) => ({ ...c, scope: "local" as const }))],
      problems: planned.problems.map((p) => (p.sellerSku ? `${p.sellerSku}: ${p.message}` : p.message)),
    };
  } catch (error) {
    return { ...base, error: failureMessage(error) };
  }
}

export async function finishPreview({ previewId, error }: { previewId: string; error?: string }): Promise<void> {
  await db().productSyncPreview.updateMany({ where: { id: previewId, status: "RUNNING" }, data: { status: error ? "FAILED" : "READY", error: error ?? null, finishedAt: new Date() } });
}
