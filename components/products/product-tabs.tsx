import { cn } from "../ui/cn";
import { productTabLabels } from "./product-filters";
import type { ProductList, ProductTab } from "./product-types";

const tabs = Object.keys(productTabLabels) as ProductTab[];

/** "Unmapped Products", "Mapped Products", "Needs attention", each with its count under the current search. */
export function ProductTabs({ value, counts, onChange }: { value: ProductTab; counts: ProductList["counts"] | undefined; onChange: (tab: ProductTab) => void }) {
  return (
    <div role="tablist" aria-label="Products" className="flex flex-wrap gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`products-tab-${tab}`}
          aria-selected={value === tab}
          aria-controls="products-tab-panel"
          onClick={() => onChange(tab)}
          className={cn(
            "-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium",
            value === tab ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {productTabLabels[tab]}
          {counts ? (
            <span className={cn("rounded-full px-2 py-0.5 text-xs tabular-nums", tab === "attention" && counts.attention > 0 ? "bg-red-50 text-red-700" : "bg-slate-100 text-slate-700")}>
              {counts[tab].toLocaleString("en-US")}
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
