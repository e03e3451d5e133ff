import { ArrowRight } from "lucide-react";
import { Badge } from "../ui/badge";
import type { ReviewProduct, ReviewRow } from "./product-types";
import { canCheck, isChecked, type Overrides, type SelectionMode } from "./review-selection";

type Money = ReviewRow["tiktok"]["price"];
const money = (price: Money) => `${price.amount}${price.currency ? ` ${price.currency}` : ""}`;
const optionsText = (options: ReviewRow["tiktok"]["options"]) => options.map((o) => o.value).join(" / ");

function Thumb({ src }: { src: string | null }) {
  // Platform CDNs serve these; next/image would need every CDN host configured.
  // eslint-disable-next-line @next/next/no-img-element
  return src ? <img src={src} alt="" className="size-9 shrink-0 rounded border border-slate-200 object-cover" loading="lazy" /> : <span className="size-9 shrink-0 rounded border border-slate-200 bg-slate-50" />;
}

function ConflictBadges({ conflicts }: { conflicts: ReviewRow["conflicts"] }) {
  if (conflicts.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1">
      {conflicts.map((conflict, index) => (
        <li key={`${conflict.kind}-${index}`} className="flex items-start gap-1.5 text-xs text-amber-900">
          <Badge tone="warning" className="shrink-0">
            conflict
          </Badge>
          <span>{conflict.message}</span>
        </li>
      ))}
    </ul>
  );
}

function ReviewRowItem({ row, title, checked, onToggle }: { row: ReviewRow; title: string; checked: boolean; onToggle: (value: boolean) => void }) {
  const label = `Map ${row.tiktok.sku || optionsText(row.tiktok.options) || "this SKU"} of ${title}`;
  return (
    <li className="grid grid-cols-[auto_1fr] gap-3 px-4 py-3 sm:grid-cols-[auto_1fr_auto_1fr_1.2fr]">
      <input
        type="checkbox"
        className="mt-1 size-4 rounded border-slate-300 accent-brand-600"
        checked={checked}
        disabled={!canCheck(row)}
        onChange={(event) => onToggle(event.target.checked)}
        aria-label={label}
      />
      <div className="min-w-0 text-sm">
        <p className="font-mono text-xs text-slate-900">{row.tiktok.sku ?? <span className="font-sans text-slate-400">no SKU</span>}</p>
        <p className="text-slate-600">{optionsText(row.tiktok.options) || "—"}</p>
        <p className="text-xs text-slate-500">
          {money(row.tiktok.price)}
          {row.tiktok.barcode ? ` · ${row.tiktok.barcode}` : ""}
        </p>
      </div>
      <ArrowRight className="hidden size-4 self-center text-slate-400 sm:block" aria-hidden />
      <div className="col-start-2 flex min-w-0 gap-2 text-sm sm:col-start-auto">
        {row.shopify ? (
          <>
            <Thumb src={row.shopify.imageUrl} />
            <div className="min-w-0">
              <p className="truncate text-slate-900">
                {row.shopify.productTitle} – {row.shopify.title}
              </p>
              <p className="font-mono text-xs text-slate-600">{row.shopify.sku ?? "no SKU"}</p>
              <p className="text-xs text-slate-500">
                {optionsText(row.shopify.options) ? `${optionsText(row.shopify.options)} · ` : ""}
                {money(row.shopify.price)}
                {row.shopify.barcode ? ` · ${row.shopify.barcode}` : ""}
              </p>
            </div>
          </>
        ) : (
          <p className="text-slate-500">No Shopify variant proposed</p>
        )}
      </div>
      <div className="col-start-2 min-w-0 text-sm sm:col-start-auto">
        <p className={row.rule === "TITLE_OPTIONS" ? "text-amber-800" : "text-slate-700"}>
          {row.reason}
          {row.rule === "TITLE_OPTIONS" ? " (suggestion)" : ""}
        </p>
        <ConflictBadges conflicts={row.conflicts} />
      </div>
    </li>
  );
}

/** One TikTok product of the review: its conflicts, then each SKU's proposal with a checkbox. */
export function ReviewProductGroup({ product, overrides, mode, onToggle }: { product: ReviewProduct; overrides: Overrides; mode?: SelectionMode; onToggle: (row: ReviewRow, value: boolean) => void }) {
  return (
    <section className="rounded-md border border-slate-200" aria-label={product.title}>
      <header className="flex items-start gap-3 border-b border-slate-200 bg-slate-50 px-4 py-2.5">
        <Thumb src={product.imageUrl} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="truncate text-sm font-semibold text-slate-900">{product.title}</h3>
            {product.alreadyMappedSkus > 0 ? <Badge tone="warning">partly mapped</Badge> : null}
            <span className="text-xs text-slate-500">
              {product.totalSkus} {product.totalSkus === 1 ? "SKU" : "SKUs"}
              {product.alreadyMappedSkus > 0 ? `, ${product.alreadyMappedSkus} already mapped` : ""}
            </span>
          </div>
          <ConflictBadges conflicts={product.conflicts} />
        </div>
      </header>
      <ul className="divide-y divide-slate-100">
        {product.rows.map((row) => (
          <ReviewRowItem key={row.tiktokSkuId} row={row} title={product.title} checked={isChecked({ row, overrides, mode })} onToggle={(value) => onToggle(row, value)} />
        ))}
      </ul>
    </section>
  );
}
