import { db } from "../db";

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/**
 * Per connected store, its latest catalog import (the progress bar) and when an import last
 * succeeded ("Last imported …"). `importing` is true while any store's import runs, so the page
 * knows to keep polling.
 */
export async function catalogStatus({ organizationId }: { organizationId: string }) {
  const stores = await db().connection.findMany({
    where: { organizationId, status: "ACTIVE" },
    orderBy: [{ platform: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, platform: true, name: true, pairedShopifyId: true },
  });
  // Two indexed look-ups per store on (connectionId, startedAt): a store has few, but imports pile up.
  const withImports = await Promise.all(
    stores.map(async (store) => {
      const scope = { organizationId, connectionId: store.id };
      const [latest, succeeded] = await Promise.all([
        db().catalogImport.findFirst({
          where: scope,
          orderBy: [{ startedAt: "desc" }, { id: "desc" }],
          select: { id: true, status: true, kind: true, processed: true, total: true, error: true, startedAt: true, finishedAt: true },
        }),
        db().catalogImport.findFirst({
          where: { ...scope, status: "SUCCEEDED" },
          orderBy: [{ startedAt: "desc" }, { id: "desc" }],
          select: { startedAt: true, finishedAt: true },
        }),
      ]);
      return {
        connectionId: store.id,
        platform: store.platform,
        name: store.name,
        pairedShopifyId: store.pairedShopifyId,
        latestImport: latest && {
          id: latest.id,
          status: latest.status,
          kind: latest.kind,
          processed: latest.processed,
          total: latest.total,
          error: latest.error,
          startedAt: latest.startedAt.toISOString(),
          finishedAt: iso(latest.finishedAt),
        },
        lastImportedAt: succeeded ? (succeeded.finishedAt ?? succeeded.startedAt).toISOString() : null,
      };
    }),
  );
  return { stores: withImports, importing: withImports.some((store) => store.latestImport?.status === "RUNNING") };
}

export type CatalogStatus = Awaited<ReturnType<typeof catalogStatus>>;
export type StoreCatalogStatus = CatalogStatus["stores"][number];
