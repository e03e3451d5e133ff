"use client";

import { flexRender, getCoreRowModel, getExpandedRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { AlertTriangle, ChevronDown, ChevronRight, ImageOff } from "lucide-react";
import { Fragment } from "react";
import { ProductSyncCell } from "../product-sync/product-sync-cell";
import { Badge } from "../ui/badge";
import { productStatusLabels } from "./product-filters";
import { ProductSkuList } from "./product-sku-list";
import { ProductRowActions } from "./product-row-actions";
import type { ProductListItem } from "./product-types";
import { ProductTitleLink } from "../product-edit/product-title-link";

const columns: ColumnDef<ProductListItem>[] = [
  {
    id: "expand",
    header: () => <span className="sr-only">Show SKUs</span>,
    cell: ({ row }) => (
      <button
        type="button"
        onClick={row.getToggleExpandedHandler()}
        aria-expanded={row.getIsExpanded()}
        aria-label={`${row.getIsExpanded() ? "Hide" : "Show"} SKUs of ${row.original.title}`}
        className="rounded p-1 text-slate-500 hover:bg-slate-100"
      >
        {row.getIsExpanded() ? <ChevronDown className="size-4" aria-hidden /> : <ChevronRight className="size-4" aria-hidden />}
      </button>
    ),
  },
  {
    id: "image",
    header: () => <span className="sr-only">Image</span>,
    cell: ({ row }) =>
      row.original.imageUrl ? (
        // Platform CDNs serve these; next/image would need every CDN host configured.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={row.original.imageUrl} alt="" className="size-10 rounded border border-slate-200 object-cover" loading="lazy" />
      ) : (
        <span className="flex size-10 items-center justify-center rounded border border-slate-200 bg-slate-50 text-slate-400">
          <ImageOff className="size-4" aria-hidden />
        </span>
      ),
  },
  {
    id: "title",
    header: "Product",
    cell: ({ row }) => (
      <div className="min-w-0">
        <ProductTitleLink product={row.original} />
        <div className="mt-0.5 flex flex-wrap items-center gap-1.5">
          {row.original.partlyMapped ? <Badge tone="warning">partly mapped</Badge> : null}
          {row.original.status !== "ACTIVATE" ? <Badge>{productStatusLabels[row.original.status] ?? row.original.status}</Badge> : null}
          <span className="text-xs text-slate-500">ID {row.original.externalId}</span>
        </div>
        {row.original.attention.map((item, index) => (
          <p key={index} className="mt-1 flex items-start gap-1 text-xs text-red-700">
            <AlertTriangle className="mt-0.5 size-3 shrink-0" aria-hidden />
            <span>
              {item.reason} <span className="text-slate-600">{item.fix}</span>
            </span>
          </p>
        ))}
      </div>
    ),
  },
  {
    id: "skus",
    header: "SKUs",
    cell: ({ row }) => (
      <span className="tabular-nums">
        {row.original.mappedSkuCount > 0 && row.original.mappedSkuCount < row.original.skuCount ? `${row.original.mappedSkuCount} of ${row.original.skuCount} mapped` : row.original.skuCount}
      </span>
    ),
  },
  {
    id: "shop",
    header: "TikTok shop",
    cell: ({ row }) =>
      row.original.markets.length > 1 ? (
        // Cross-border: one global product, published to several markets.
        <div className="space-y-0.5" aria-label={`Markets of ${row.original.title}`}>
          <Badge>global product · {row.original.markets.length} markets</Badge>
          {row.original.globalTitle && row.original.globalTitle !== row.original.title ? <p className="text-xs text-slate-500">Global: {row.original.globalTitle}</p> : null}
          <ul className="text-xs text-slate-700">
            {row.original.markets.map((market) => (
              <li key={market.productId}>
                {market.shop.name}
                {market.shop.region ? ` (${market.shop.region})` : ""}: {market.mappedSkuCount} of {market.skuCount} mapped
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <span className="text-slate-700">{row.original.shop.name}</span>
      ),
  },
  { id: "sync", header: "Sync to TikTok", cell: ({ row }) => <ProductSyncCell sync={row.original.sync} /> },
  { id: "actions", header: () => <span className="sr-only">Actions</span>, cell: ({ row }) => <ProductRowActions product={row.original} /> },
];

/** TikTok products with their SKUs one click away; pages come from the server's keyset cursor. */
export function ProductsTable({ products, label }: { products: ProductListItem[]; label: string }) {
  // TanStack Table returns fresh functions each render by design; the React Compiler lint rule does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: products,
    columns,
    getRowId: (row) => row.id,
    getRowCanExpand: () => true,
    getCoreRowModel: getCoreRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
  });
  const columnCount = table.getVisibleLeafColumns().length;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {table.getRowModel().rows.map((row) => (
            <Fragment key={row.id}>
              <tr className="hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-3 align-middle">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
              {row.getIsExpanded() ? (
                <tr className="bg-slate-50/60">
                  <td colSpan={columnCount} className="px-4 pb-3 pt-0">
                    <div className="rounded-md border border-slate-200 bg-white">
                      <ProductSkuList skus={row.original.skus} />
                    </div>
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
