import { Search } from "lucide-react";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { productStatusLabels } from "./product-filters";

interface ProductsToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  shop: string;
  onShop: (value: string) => void;
  status: string;
  onStatus: (value: string) => void;
  shops: { id: string; name: string }[];
}

/** The search box (title, seller SKU, barcode) and the shop and status filters. */
export function ProductsToolbar({ search, onSearch, shop, onShop, status, onStatus, shops }: ProductsToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="relative min-w-60 flex-1">
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
        <Input
          type="search"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          placeholder="Search by title, SKU or barcode"
          aria-label="Search products by title, SKU or barcode"
          maxLength={200}
          className="pl-8"
        />
      </div>
      {shops.length > 1 ? (
        <Select value={shop} onChange={(event) => onShop(event.target.value)} aria-label="TikTok shop">
          <option value="">All TikTok shops</option>
          {shops.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      ) : null}
      <Select value={status} onChange={(event) => onStatus(event.target.value)} aria-label="Product status">
        <option value="">Any status</option>
        {Object.entries(productStatusLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
    </div>
  );
}
