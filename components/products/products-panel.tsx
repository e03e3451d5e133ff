"use client";

import { Package, Store, Wand2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useOrg } from "../shell/org-role-context";
import { Button, buttonVariants } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Spinner } from "../ui/spinner";
import { AutoMapDialog } from "./auto-map-dialog";
import { CatalogImportBar } from "./catalog-import-bar";
import { MappingCsvActions } from "./csv/mapping-csv-actions";
import { emptyTabText, productTabLabels, type ProductFilters } from "./product-filters";
import { ProductTabs } from "./product-tabs";
import type { CatalogStatus, ProductTab } from "./product-types";
import { ProductsTable } from "./products-table";
import { ProductsToolbar } from "./products-toolbar";
import { useDebouncedValue } from "./use-debounced-value";
import { useCatalogStatus, useProducts } from "./use-products";

// After "Import now" the job takes a moment to start; keep polling until it shows up.
const EXPECT_IMPORT_MS = 20_000;

function ProductList({ org, filters, onTab }: { org: string; filters: ProductFilters; onTab: (tab: ProductTab) => void }) {
  const query = useProducts(org, filters);
  const products = query.data?.pages.flatMap((page) => page.products) ?? [];
  const empty = emptyTabText({ filters });
  return (
    <div className="space-y-4">
      <ProductTabs value={filters.tab} counts={query.data?.pages[0]?.counts} onChange={onTab} />
      <div id="products-tab-panel" role="tabpanel" aria-labelledby={`products-tab-${filters.tab}`} aria-busy={query.isFetching}>
        {query.isPending ? (
          <Spinner label="Loading products" />
        ) : query.isError ? (
          <ErrorState message={query.error.message} onRetry={() => query.refetch()} />
        ) : products.length === 0 ? (
          <EmptyState icon={Package} title={empty.title} description={empty.description} />
        ) : (
          <Card>
            <ProductsTable products={products} label={productTabLabels[filters.tab]} />
            {query.hasNextPage ? (
              <div className="border-t border-slate-100 p-3 text-center">
                <Button variant="secondary" size="sm" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
                  {query.isFetchingNextPage ? "Loading…" : "Load more"}
                </Button>
              </div>
            ) : null}
          </Card>
        )}
      </div>
    </div>
  );
}

function ConnectStores({ org, title, description }: { org: string; title: string; description: string }) {
  return (
    <EmptyState
      icon={Store}
      title={title}
      description={description}
      action={
        <Link href={`/${org}/connections`} className={buttonVariants()}>
          Connect your stores
        </Link>
      }
    />
  );
}

/** The Products page: imports, the three tabs with search and filters, and Bulk auto-map. */
export function ProductsPanel({ autoSyncShops = [], initialTab }: { autoSyncShops?: string[]; initialTab?: ProductTab }) {
  const { slug, canWrite } = useOrg();
  const [expectImportUntil, setExpectImportUntil] = useState(0);
  const status = useCatalogStatus(slug, { expectImportUntil });
  const [tab, setTab] = useState<ProductTab>(initialTab ?? "unmapped");
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search);
  const [shop, setShop] = useState("");
  const [productStatus, setProductStatus] = useState("");
  const [autoMapOpen, setAutoMapOpen] = useState(false);

  if (status.isPending) return <Spinner label="Loading stores" />;
  if (status.isError) return <ErrorState message={status.error.message} onRetry={() => status.refetch()} />;
  const tiktokShops = status.data.stores.filter((store) => store.platform === "TIKTOK");
  if (status.data.stores.length === 0) {
    return <ConnectStores org={slug} title="No stores connected" description="Connect a TikTok Shop and a Shopify store; their catalogs are imported and listed here to be mapped." />;
  }
  if (tiktokShops.length === 0) {
    return <ConnectStores org={slug} title="No TikTok shop connected" description="Connect a TikTok Shop and pair it with your Shopify store to map its products." />;
  }
  const autoMapShop = autoMapTarget({ status: status.data, shop });

  return (
    <div className="space-y-6">
      <CatalogImportBar org={slug} status={status.data} canWrite={canWrite} onImportRequested={() => setExpectImportUntil(Date.now() + EXPECT_IMPORT_MS)} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ProductsToolbar
          search={search}
          onSearch={setSearch}
          shop={shop}
          onShop={setShop}
          status={productStatus}
          onStatus={setProductStatus}
          shops={tiktokShops.map((store) => ({ id: store.connectionId, name: store.name }))}
        />
        <div className="flex flex-wrap items-center gap-2">
          {autoMapShop ? <MappingCsvActions tiktokConnectionId={autoMapShop.connectionId} /> : null}
          {canWrite ? (
            <Button onClick={() => setAutoMapOpen(true)} disabled={!autoMapShop} title={autoMapShop ? undefined : "Choose a TikTok shop in the filter first."}>
              <Wand2 aria-hidden />
              Bulk auto-map
            </Button>
          ) : null}
        </div>
      </div>
      <ProductList org={slug} filters={{ tab, q, shop, status: productStatus }} onTab={setTab} />
      {canWrite && autoMapShop ? (
        <AutoMapDialog
          key={autoMapShop.connectionId}
          org={slug}
          tiktokConnectionId={autoMapShop.connectionId}
          shopName={autoMapShop.name}
          open={autoMapOpen}
          onOpenChange={setAutoMapOpen}
          autoSyncWarning={
            autoSyncShops.includes(autoMapShop.connectionId)
              ? "Auto-sync is on for this shop: mapping overwrites these TikTok listings from Shopify. You see exactly what changes before anything is written."
              : undefined
          }
        />
      ) : null}
    </div>
  );
}

/** Bulk auto-map works on one TikTok shop: the filtered one, or the only one. */
function autoMapTarget({ status, shop }: { status: CatalogStatus; shop: string }) {
  const shops = status.stores.filter((store) => store.platform === "TIKTOK");
  return shops.find((store) => store.connectionId === shop) ?? (shops.length === 1 ? shops[0] : undefined);
}
