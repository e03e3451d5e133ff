import { z } from "zod";
import { db } from "../../db";
import { notFound } from "../../errors";

export const getPreviewQuerySchema = z.object({ cursor: z.string().min(1).max(40).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });

/** A preview's progress and one page of its products (keyset), for the overwrite dialog. */
export async function getSyncPreview({ organizationId, previewId, query }: { organizationId: string; previewId: string; query: z.infer<typeof getPreviewQuerySchema> }) {
  const preview = await db().productSyncPreview.findFirst({
    where: { id: previewId, organizationId },
    select: { id: true, status: true, purpose: true, tiktokConnectionId: true, productsChecked: true, productsAffected: true, globalProducts: true, error: true, createdAt: true, finishedAt: true },
  });
  if (!preview) throw notFound("Preview not found.");
  const items = await db().productSyncPreviewItem.findMany({
    where: { previewId, organizationId, ...(query.cursor ? { id: { gt: query.cursor } } : {}) },
    select: { id: true, tiktokProductId: true, title: true, shopName: true, changes: true },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  const page = items.slice(0, query.limit);
  return {
    ...preview,
    createdAt: preview.createdAt.toISOString(),
    finishedAt: preview.finishedAt?.toISOString() ?? null,
    items: page.map((i) => ({ id: i.id, tiktokProductId: i.tiktokProductId, title: i.title, shopName: i.shopName, ...(i.changes as unknown as { changes: PreviewChange[]; problems: string[]; error: string | null }) })),
    nextCursor: items.length > query.limit ? page.at(-1)!.id : null,
  };
}

export interface PreviewChange {
  scope: "local" | "global";
  field: string;
  sku?: string;
  current: string;
  next: string;
}

export type SyncPreviewView = Awaited<ReturnType<typeof getSyncPreview>>;
