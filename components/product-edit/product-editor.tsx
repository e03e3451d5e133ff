"use client";

import { useMemo, useState } from "react";
import { toast } from "sonner";
import { validateOverrides, type OverrideError } from "@/lib/product-edit/validate-overrides";
import { ApiError } from "../api/fetch-json";
import { useOrg } from "../shell/org-role-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { Input } from "../ui/input";
import { Spinner } from "../ui/spinner";
import { draftOf, inputOf, type Draft } from "./editor-draft";
import { usePushEdit, useProductEditor, type ProductEditorView, type PushEditAnswer } from "./use-product-editor";

const FIELD_LABELS: Record<string, string> = { title: "Title", description: "Description", images: "Images", price: "Price", listPrice: "List price", inventory: "Stock" };

/** The product page: Shopify's source, TikTok's listing now, and the editor of TikTok-specific overrides. */
export function ProductEditor({ productId }: { productId: string }) {
  const { slug } = useOrg();
  const query = useProductEditor(slug, productId);
  if (query.isPending) return <Spinner label="Reading the listing from TikTok and Shopify" />;
  if (query.isError) return <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />;
  return <EditorBody key={JSON.stringify(query.data.overrides)} view={query.data} productId={productId} />;
}

function EditorBody({ view, productId }: { view: ProductEditorView; productId: string }) {
  const { slug, canWrite } = useOrg();
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const [target, setTarget] = useState<"global" | "local">(view.overrides.scope === "local" ? "local" : "global");
  const [confirmGlobal, setConfirmGlobal] = useState(false);
  const [preview, setPreview] = useState<PushEditAnswer["preview"] | null>(null);
  const [serverErrors, setServerErrors] = useState<OverrideError[]>([]);
  const push = usePushEdit(slug, productId);
  const source = view.shopify.products[0];
  const shopifyImages = view.shopify.products.flatMap((p) => p.images);
  const input = useMemo(() => inputOf(view, draft), [view, draft]);
  const errors = useMemo(
    () => validateOverrides(input, { region: view.product.shop.region, currency: view.product.shop.currency, shopifyImages, skuIds: view.skus.map((s) => s.tiktokSkuId) }),
    [input, view, shopifyImages],
  );
  const errorOf = (field: string, sku?: string) => [...errors, ...serverErrors].find((e) => e.field === field && e.tiktokSkuId === sku)?.message;
  const dirty = Object.keys(input).length > 0;
  const crossBorder = view.product.shop.crossBorder;
  const body = { overrides: input, ...(crossBorder ? { target, confirmGlobalOverwrite: confirmGlobal } : {}) };
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setPreview(null);
    setServerErrors([]);
  };

  const run = async (dryRun: boolean) => {
    try {
      const answer = await push.mutateAsync({ ...body, dryRun });
      setPreview(answer.preview);
      if (!dryRun) toast.success(answer.pushed?.status === "UNCHANGED" ? "Saved; TikTok already shows these values." : "Saved and pushed to TikTok.");
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.details)) setServerErrors(error.details as OverrideError[]);
      toast.error(error instanceof Error ? error.message : "The edit failed.");
    }
  };

  const images = draft.images ?? shopifyImages.slice(0, 9);
  const move = (url: string, by: number) => {
    const list = [...images];
    const i = list.indexOf(url);
    const j = i + by;
    if (i < 0 || j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j]!, list[i]!];
    set({ images: list });
  };
  const toggle = (url: string) => set({ images: images.includes(url) ? images.filter((u) => u !== url) : [...images, url] });

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>TikTok listing now</CardTitle>
        </CardHeader>
        <CardBody className="space-y-2 text-sm">
          <p className="font-medium" data-testid="tiktok-title">{view.tiktok.title}</p>
          <p className="text-slate-600">
            {view.product.shop.name} · {view.tiktok.status}
            {view.tiktok.auditStatus === "AUDITING" ? <Badge tone="warning" className="ml-2">under TikTok review</Badge> : null}
            {view.syncState?.reviewStatus === "FAILED" ? <Badge tone="danger" className="ml-2">review failed</Badge> : null}
          </p>
          <div className="flex flex-wrap gap-2">
            {view.tiktok.images.map((i) =>
              // eslint-disable-next-line @next/next/no-img-element
              i.url ? <img key={i.uri} src={i.url} alt="" className="size-16 rounded border object-cover" loading="lazy" /> : null,
            )}
          </div>
          <ul className="text-slate-700">
            {view.tiktok.skus.map((s) => (
              <li key={s.id}>
                {s.sellerSku ?? s.id}: {s.price} {s.currency}, {s.quantity} in stock
              </li>
            ))}
          </ul>
          {view.syncState?.lastError ? <p className="text-red-700">{view.syncState.lastError}</p> : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Shopify source</CardTitle>
        </CardHeader>
        <CardBody className="space-y-2 text-sm">
          {view.shopify.products.map((p) => (
            <div key={p.id}>
              <p className="font-medium">{p.title}</p>
              <p className="line-clamp-3 text-slate-600">{p.descriptionHtml.replace(/<[^>]*>/g, " ")}</p>
            </div>
          ))}
          <p className="text-xs text-slate-500">Nothing is ever written from TikTok to Shopify.</p>
        </CardBody>
      </Card>

      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>TikTok-specific values</CardTitle>
          <p className="text-sm text-slate-600">A value set here is an override: it wins over Shopify&apos;s in every later sync until you choose &quot;Use Shopify&apos;s value&quot;.</p>
          {!canWrite ? <p className="text-sm text-amber-800">Viewers can see the listing but not edit it.</p> : null}
        </CardHeader>
        <CardBody className="space-y-6">
          <OverrideText
            id="edit-title" label="Title" value={draft.title} shopify={source?.title ?? ""} disabled={!canWrite} error={errorOf("title")}
            onChange={(title) => set({ title })}
          />
          <OverrideText
            id="edit-description" label="Description (HTML)" multiline value={draft.description} shopify={source?.descriptionHtml ?? ""} disabled={!canWrite} error={errorOf("description")}
            onChange={(description) => set({ description })}
          />
          <fieldset className="space-y-2">
            <legend className="flex items-center gap-2 text-sm font-medium text-slate-700">
              Images {draft.images !== null ? <Badge tone="brand">Override</Badge> : <span className="text-xs font-normal text-slate-500">Shopify&apos;s order</span>}
              {draft.images !== null && canWrite ? <Button variant="link" size="sm" onClick={() => set({ images: null })}>Use Shopify&apos;s value</Button> : null}
            </legend>
            <ul className="flex flex-wrap gap-3">
              {[...images, ...shopifyImages.filter((u) => !images.includes(u))].map((url) => {
                const position = images.indexOf(url);
                return (
                  <li key={url} className="w-28 space-y-1 rounded border p-1 text-xs">
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    <img src={url} alt="" className="size-24 object-cover" loading="lazy" />
                    <label className="flex items-center gap-1">
                      <input type="checkbox" checked={position >= 0} disabled={!canWrite} onChange={() => toggle(url)} aria-label={`Use image ${shopifyImages.indexOf(url) + 1}`} />
                      {position >= 0 ? `#${position + 1}` : "not used"}
                    </label>
                    {position >= 0 && canWrite ? (
                      <span className="flex gap-1">
                        <button type="button" className="underline" onClick={() => move(url, -1)} aria-label={`Move image ${position + 1} earlier`}>earlier</button>
                        <button type="button" className="underline" onClick={() => move(url, 1)} aria-label={`Move image ${position + 1} later`}>later</button>
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {errorOf("images") ? <p role="alert" className="text-sm text-red-600">{errorOf("images")}</p> : null}
          </fieldset>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th className="py-1">SKU</th>
                <th>Shopify</th>
                <th>TikTok price ({view.product.shop.currency})</th>
                <th>Stock offered on TikTok (%)</th>
              </tr>
            </thead>
            <tbody>
              {view.skus.map((s) => (
                <tr key={s.tiktokSkuId} className="align-top">
                  <td className="py-1">{s.sellerSku ?? s.tiktokSkuId}</td>
                  <td>{s.shopifyPrice} · {s.shopifyAvailable ?? "?"} available</td>
                  <td>
                    <SkuOverride
                      id={`price-${s.tiktokSkuId}`} label={`Price of ${s.sellerSku ?? s.tiktokSkuId}`} value={draft.prices[s.tiktokSkuId]} placeholder="by the price rules" disabled={!canWrite}
                      error={errorOf("price", s.tiktokSkuId)}
                      onChange={(v) => set({ prices: withKey(draft.prices, s.tiktokSkuId, v) })}
                    />
                  </td>
                  <td>
                    <SkuOverride
                      id={`allocation-${s.tiktokSkuId}`} label={`Stock share of ${s.sellerSku ?? s.tiktokSkuId}`} value={draft.allocation[s.tiktokSkuId]} placeholder={`${view.rules.allocatePercent} (the rules)`} disabled={!canWrite}
                      error={errorOf("inventory", s.tiktokSkuId)}
                      onChange={(v) => set({ allocation: withKey(draft.allocation, s.tiktokSkuId, v) })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>

          {crossBorder ? (
            <fieldset className="space-y-1 text-sm">
              <legend className="font-medium text-slate-700">Cross-border product: write the title, description and images to</legend>
              <label className="flex items-center gap-2">
                <input type="radio" name="edit-target" checked={target === "global"} disabled={!canWrite} onChange={() => setTarget("global")} /> the global product (all markets)
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="edit-target" checked={target === "local"} disabled={!canWrite} onChange={() => setTarget("local")} /> this market&apos;s product only ({view.product.shop.region})
              </label>
              {target === "global" ? (
                <label className="flex items-center gap-2 text-amber-800">
                  <input type="checkbox" checked={confirmGlobal} disabled={!canWrite} onChange={(e) => setConfirmGlobal(e.target.checked)} />
                  I understand that editing the global product overwrites every market&apos;s local edits, local prices included.
                </label>
              ) : null}
            </fieldset>
          ) : null}

          {canWrite ? (
            <div className="flex flex-wrap items-center gap-2">
              <Button variant="secondary" disabled={errors.length > 0 || push.isPending} onClick={() => void run(true)}>Preview</Button>
              <Button disabled={errors.length > 0 || push.isPending || preview === null || (!dirty && preview.changes.length === 0)} onClick={() => void run(false)}>Save and push</Button>
              {errors.length > 0 ? <span className="text-sm text-red-600">Fix the values above first.</span> : preview === null ? <span className="text-sm text-slate-500">Preview the change before pushing it.</span> : null}
            </div>
          ) : null}
          {preview ? <PreviewList preview={preview} /> : null}
        </CardBody>
      </Card>
    </div>
  );
}

function withKey(record: Record<string, string>, key: string, value: string | undefined): Record<string, string> {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function OverrideText({ id, label, value, shopify, multiline, disabled, error, onChange }: { id: string; label: string; value: string | null; shopify: string; multiline?: boolean; disabled: boolean; error?: string; onChange: (v: string | null) => void }) {
  const overridden = value !== null;
  const common = { id, value: value ?? shopify, disabled: disabled || !overridden, "aria-invalid": !!error, "aria-describedby": error ? `${id}-error` : undefined };
  return (
    <div className="space-y-1.5">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">{label}</label>
        {overridden ? <Badge tone="brand">Override</Badge> : <span className="text-xs text-slate-500">Shopify&apos;s value</span>}
        {!disabled ? (
          overridden ? (
            <Button variant="link" size="sm" onClick={() => onChange(null)}>Use Shopify&apos;s value</Button>
          ) : (
            <Button variant="link" size="sm" onClick={() => onChange(shopify)}>Override for TikTok</Button>
          )
        ) : null}
      </div>
      {multiline ? (
        <textarea {...common} rows={6} className="w-full rounded-md border border-slate-300 p-2 font-mono text-xs disabled:bg-slate-50" onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Input {...common} onChange={(e) => onChange(e.target.value)} />
      )}
      {error ? <p id={`${id}-error`} role="alert" className="text-sm text-red-600">{error}</p> : null}
    </div>
  );
}

function SkuOverride({ id, label, value, placeholder, disabled, error, onChange }: { id: string; label: string; value: string | undefined; placeholder: string; disabled: boolean; error?: string; onChange: (v: string | undefined) => void }) {
  return (
    <div className="space-y-1 py-1">
      <div className="flex items-center gap-1">
        <Input id={id} aria-label={label} className="h-8 w-32" value={value ?? ""} placeholder={placeholder} disabled={disabled} aria-invalid={!!error} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)} />
        {value !== undefined ? <Badge tone="brand">Override</Badge> : null}
      </div>
      {error ? <p role="alert" className="text-xs text-red-600">{error}</p> : null}
    </div>
  );
}

function PreviewList({ preview }: { preview: PushEditAnswer["preview"] }) {
  return (
    <div className="rounded-md border border-slate-200 p-3 text-sm" data-testid="edit-preview">
      <p className="font-medium">What will be written to TikTok</p>
      {preview.changes.length === 0 ? <p className="text-slate-600">Nothing: TikTok already shows these values.</p> : null}
      <ul className="mt-1 space-y-1">
        {preview.changes.map((c, i) => (
          <li key={i}>
            <span className="font-medium">{FIELD_LABELS[c.field] ?? c.field}{c.sku ? ` (${c.sku})` : ""}:</span> <span className="text-slate-500 line-through">{c.current}</span> → <span>{c.next}</span>
          </li>
        ))}
      </ul>
      {preview.problems.map((p, i) => (
        <p key={i} className="mt-1 text-amber-800">{p}</p>
      ))}
      {preview.changes.some((c) => c.field === "title" || c.field === "description" || c.field === "images") ? <p className="mt-1 text-xs text-slate-500">Content edits go through TikTok&apos;s review; the live listing stays until it passes.</p> : null}
    </div>
  );
}
