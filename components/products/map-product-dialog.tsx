"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import type { searchShopifyVariants } from "@/lib/mapping/search-variants";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Input } from "../ui/input";
import type { ProductListItem } from "./product-types";

type Variant = Awaited<ReturnType<typeof searchShopifyVariants>>["variants"][number];

function useVariantSearch(org: string, tiktokConnectionId: string, q: string) {
  return useQuery({
    queryKey: [...orgKeys.all(org), "variant-search", tiktokConnectionId, q] as const,
    enabled: q.trim().length > 0,
    queryFn: () => fetchJson<{ variants: Variant[] }>(`/api/orgs/${org}/mapping/variants?${new URLSearchParams({ tiktokConnectionId, q })}`),
  });
}

function SkuPicker({ sku, tiktokConnectionId, picked, onPick }: { sku: ProductListItem["skus"][number]; tiktokConnectionId: string; picked?: Variant; onPick: (v: Variant) => void }) {
  const { slug } = useOrg();
  const [draft, setDraft] = useState(sku.sellerSku ?? "");
  const [q, setQ] = useState("");
  const search = useVariantSearch(slug, tiktokConnectionId, q);
  const label = sku.sellerSku || sku.options.map((o) => o.value).join(" / ") || sku.externalId;
  function submit(event: FormEvent) {
    event.preventDefault();
    setQ(draft);
  }
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <p className="text-sm font-medium text-slate-900">
        <code>{label}</code>
        {sku.mapping ? <span className="ml-2 text-xs font-normal text-slate-500">now: {sku.mapping.product.title} / {sku.mapping.variant.title}</span> : null}
      </p>
      <form onSubmit={submit} className="mt-2 flex gap-2">
        <Input value={draft} onChange={(e) => setDraft(e.target.value)} aria-label={`Search Shopify variants for ${label}`} placeholder="SKU, title or barcode" />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {search.isError ? <p className="mt-2 text-sm text-red-700">{search.error.message}</p> : null}
      <ul className="mt-2 space-y-1" aria-label={`Shopify variants for ${label}`}>
        {(search.data?.variants ?? []).map((variant) => (
          <li key={variant.id} className="flex items-center justify-between gap-2 text-sm">
            <span>
              {variant.productTitle} / {variant.title} <code className="text-xs text-slate-500">{variant.sku ?? "no SKU"}</code>
              {variant.mappedFromTikTokSkuId && variant.mappedFromTikTokSkuId !== sku.id ? <span className="ml-2 text-xs text-amber-700">mapped to another SKU</span> : null}
            </span>
            <Button size="sm" variant={picked?.id === variant.id ? "primary" : "ghost"} onClick={() => onPick(variant)} aria-label={`Pick ${variant.productTitle} / ${variant.title} for ${label}`}>
              {picked?.id === variant.id ? "Picked" : "Pick"}
            </Button>
          </li>
        ))}
        {search.data && search.data.variants.length === 0 ? <li className="text-sm text-slate-500">No live Shopify variant matches.</li> : null}
      </ul>
    </li>
  );
}

/** "Map…" one product by hand: search the paired Shopify store per SKU and pick a variant. */
export function MapProductDialog({ product, open, onOpenChange }: { product: ProductListItem; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { slug } = useOrg();
  const queryClient = useQueryClient();
  const [picks, setPicks] = useState<Record<string, Variant>>({});
  const map = useMutation({
    mutationFn: () =>
      fetchJson<{ mapped: number }>(`/api/orgs/${slug}/mapping/manual`, {
        method: "POST",
        body: { tiktokConnectionId: product.shop.id, pairs: Object.entries(picks).map(([tiktokSkuId, v]) => ({ tiktokSkuId, shopifyVariantId: v.id })) },
      }),
    onSuccess: ({ mapped }) => {
      toast.success(`${product.title}: ${mapped} SKU${mapped === 1 ? "" : "s"} mapped.`);
      void queryClient.invalidateQueries({ queryKey: orgKeys.all(slug) });
      setPicks({});
      onOpenChange(false);
    },
    onError: (error) => toast.error(error.message),
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={`Map ${product.title}`} description="Pick the Shopify variant for each SKU. A SKU already mapped is remapped.">
      <ul className="max-h-[60vh] space-y-3 overflow-y-auto">
        {product.skus.map((sku) => (
          <SkuPicker key={sku.id} sku={sku} tiktokConnectionId={product.shop.id} picked={picks[sku.id]} onPick={(v) => setPicks((current) => ({ ...current, [sku.id]: v }))} />
        ))}
      </ul>
      <div className="mt-4 flex justify-end gap-2">
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          Cancel
        </Button>
        <Button onClick={() => map.mutate()} disabled={Object.keys(picks).length === 0 || map.isPending}>
          {map.isPending ? "Mapping…" : "Map"}
        </Button>
      </div>
    </Dialog>
  );
}
