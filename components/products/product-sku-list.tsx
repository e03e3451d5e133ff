import { AlertTriangle } from "lucide-react";
import { Badge } from "../ui/badge";
import type { ProductListSku } from "./product-types";

export const ruleLabels: Record<string, string> = {
  EXACT_SKU: "Same SKU",
  NORMALIZED_SKU: "Same SKU (case, spaces)",
  BARCODE: "Same barcode",
  TITLE_OPTIONS: "Title and options",
  MANUAL: "Picked by hand",
};

const optionsText = (options: ProductListSku["options"]) => options.map((o) => o.value).join(" / ");

function MappedTo({ mapping }: { mapping: ProductListSku["mapping"] }) {
  if (!mapping) return <span className="text-slate-500">Not mapped</span>;
  return (
    <div className="min-w-0">
      <p className="truncate text-slate-900">
        {mapping.product.title} – {mapping.variant.title}
      </p>
      <p className="text-xs text-slate-500">
        {mapping.variant.sku ? `SKU ${mapping.variant.sku} · ` : ""}
        {ruleLabels[mapping.rule] ?? mapping.rule}
      </p>
      {mapping.problem ? (
        <p className="mt-1 flex items-start gap-1 text-xs text-red-700">
          <AlertTriangle className="mt-0.5 size-3 shrink-0" aria-hidden />
          {mapping.problem}
        </p>
      ) : null}
    </div>
  );
}

/** The expanded row: every SKU of a TikTok product and the Shopify variant it is mapped to. */
export function ProductSkuList({ skus }: { skus: readonly ProductListSku[] }) {
  if (skus.length === 0) return <p className="px-4 py-3 text-sm text-slate-500">This product has no SKUs in the last import.</p>;
  return (
    <table className="min-w-full text-sm" aria-label="SKUs">
      <thead>
        <tr className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <th scope="col" className="px-4 py-2">Seller SKU</th>
          <th scope="col" className="px-4 py-2">Options</th>
          <th scope="col" className="px-4 py-2">Barcode</th>
          <th scope="col" className="px-4 py-2 text-right">Price</th>
          <th scope="col" className="px-4 py-2">Shopify variant</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {skus.map((sku) => (
          <tr key={sku.id}>
            <td className="px-4 py-2 font-mono text-xs">{sku.sellerSku ?? <span className="font-sans text-slate-400">none</span>}</td>
            <td className="px-4 py-2">{optionsText(sku.options) || "—"}</td>
            <td className="px-4 py-2 font-mono text-xs">{sku.identifierCode ?? "—"}</td>
            <td className="px-4 py-2 text-right tabular-nums">
              {sku.price} {sku.currency}
            </td>
            <td className="px-4 py-2">
              <div className="flex items-start gap-2">
                {sku.mapping?.status === "ARCHIVED" ? <Badge tone="danger">archived</Badge> : null}
                <MappedTo mapping={sku.mapping} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
