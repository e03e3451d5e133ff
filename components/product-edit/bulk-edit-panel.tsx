"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import type { BulkEditRow } from "@/lib/product-edit/bulk-edit";
import type { ProductList } from "@/lib/catalog/list-products";
import { fetchJson } from "../api/fetch-json";
import { orgKeys } from "../api/query-keys";
import { useOrg } from "../shell/org-role-context";
import { Button } from "../ui/button";
import { Card, CardBody } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { Input } from "../ui/input";
import { Spinner } from "../ui/spinner";

const MAX = 50;

/** Bulk edit: one override (a title prefix, a price markup exception) on a selection of mapped products, previewed first. */
export function BulkEditPanel() {
  const { slug, canWrite } = useOrg();
  const [q, setQ] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const [titlePrefix, setTitlePrefix] = useState("");
  const [percentMarkup, setPercentMarkup] = useState("");
  const [target, setTarget] = useState<"global" | "local">("local");
  const [confirmGlobal, setConfirmGlobal] = useState(false);
  const [rows, setRows] = useState<BulkEditRow[] | null>(null);
  const list = useQuery({
    // Its own key: the Products page keeps its pages under orgKeys.products in another shape.
    queryKey: [...orgKeys.all(slug), "bulk-edit-products", q],
    queryFn: () => fetchJson<ProductList>(`/api/orgs/${slug}/products?tab=mapped&limit=100${q ? `&q=${encodeURIComponent(q)}` : ""}`),
  });
  const run = useMutation({
    mutationFn: (dryRun: boolean) =>
      fetchJson<{ rows: BulkEditRow[] }>(`/api/orgs/${slug}/products/bulk-edit`, {
        method: "POST",
        body: { tiktokProductIds: selected, ...(titlePrefix ? { titlePrefix } : {}), ...(percentMarkup ? { percentMarkup } : {}), target, confirmGlobalOverwrite: confirmGlobal, dryRun },
      }),
    onSuccess: (answer, dryRun) => {
      setRows(answer.rows);
      if (!dryRun) toast.success(`Pushed to ${answer.rows.filter((r) => r.error === null).length} of ${answer.rows.length} products.`);
    },
    onError: (error) => toast.error(error.message),
  });
  const toggle = (id: string) => {
    setRows(null);
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= MAX ? s : [...s, id]));
  };
  const ready = canWrite && selected.length > 0 && (titlePrefix !== "" || percentMarkup !== "");

  return (
    <div className="space-y-4">
      {!canWrite ? <p className="text-sm text-amber-800">Viewers can look but not edit.</p> : null}
      <Card>
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <label className="space-y-1 text-sm">
            <span className="font-medium text-slate-700">Title prefix</span>
            <Input value={titlePrefix} maxLength={60} disabled={!canWrite} placeholder="e.g. SALE " onChange={(e) => (setTitlePrefix(e.target.value), setRows(null))} />
          </label>
          <label className="space-y-1 text-sm">
            <span className="font-medium text-slate-700">Price markup for these products (%), instead of the pairing&apos;s</span>
            <Input value={percentMarkup} inputMode="decimal" disabled={!canWrite} placeholder="e.g. -10" onChange={(e) => (setPercentMarkup(e.target.value), setRows(null))} />
          </label>
          <fieldset className="text-sm sm:col-span-2">
            <legend className="font-medium text-slate-700">Cross-border products: write titles to</legend>
            <label className="mr-4"><input type="radio" checked={target === "local"} onChange={() => setTarget("local")} /> each market&apos;s product only</label>
            <label><input type="radio" checked={target === "global"} onChange={() => setTarget("global")} /> the global product (all markets)</label>
            {target === "global" ? (
              <label className="mt-1 block text-amber-800">
                <input type="checkbox" checked={confirmGlobal} onChange={(e) => setConfirmGlobal(e.target.checked)} /> I understand that a global edit overwrites every market&apos;s local edits, local prices included.
              </label>
            ) : null}
          </fieldset>
        </CardBody>
      </Card>
      <div className="flex items-center gap-2">
        <Input aria-label="Search mapped products" className="max-w-xs" value={q} placeholder="Search mapped products" onChange={(e) => setQ(e.target.value)} />
        <span className="text-sm text-slate-600">{selected.length} selected (at most {MAX})</span>
        <Button variant="secondary" disabled={!ready || run.isPending} onClick={() => run.mutate(true)}>Preview</Button>
        <Button disabled={!ready || run.isPending || rows === null} onClick={() => run.mutate(false)}>Save and push</Button>
      </div>
      {list.isPending ? <Spinner /> : list.isError ? <ErrorState message={list.error.message} /> : (
        <ul className="divide-y rounded-md border text-sm">
          {list.data.products.map((p) => {
            const row = rows?.find((r) => r.tiktokProductId === p.id);
            return (
              <li key={p.id} className="p-2">
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={selected.includes(p.id)} disabled={!canWrite} onChange={() => toggle(p.id)} aria-label={`Select ${p.title}`} />
                  <span className="font-medium">{p.title}</span> <span className="text-slate-500">{p.shop.name}</span>
                </label>
                {row ? (
                  <div className="ml-6 mt-1 text-xs" data-testid="bulk-preview-row">
                    {row.error ? <p className="text-red-700">{row.error}</p> : null}
                    {row.preview?.changes.map((c, i) => (
                      <p key={i}>{c.field}{c.sku ? ` (${c.sku})` : ""}: <span className="line-through text-slate-500">{c.current}</span> → {c.next}</p>
                    ))}
                    {row.preview && row.preview.changes.length === 0 ? <p className="text-slate-500">No change.</p> : null}
                    {row.status ? <p className="text-emerald-700">{row.status === "UNCHANGED" ? "Already so on TikTok" : `Pushed (${row.status.toLowerCase()})`}</p> : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
