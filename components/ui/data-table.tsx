"use client";

import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingFn,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useState } from "react";
import { Button } from "./button";

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

// TanStack's "auto" sorting function looks only at rows 11 and on (`flatRows.slice(10)` in v8), so a
// short list fell back to a plain `<` compare: "alice" sorted after "Bob". Text compares as people
// read it (case-insensitive, digits as numbers); numbers and dates by value; empty values after
// the rest when ascending.
function compareValues<T>(): SortingFn<T> {
  return (a, b, columnId) => {
    const x: unknown = a.getValue(columnId);
    const y: unknown = b.getValue(columnId);
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    if (typeof x === "string" && typeof y === "string") return collator.compare(x, y);
    const left = x instanceof Date ? x.getTime() : (x as number);
    const right = y instanceof Date ? y.getTime() : (y as number);
    return left < right ? -1 : left > right ? 1 : 0;
  };
}

interface DataTableProps<T> {
  columns: ColumnDef<T, unknown>[];
  data: T[];
  label: string;
  pageSize?: number;
  initialSorting?: SortingState;
}

/** A sortable, paginated table for small client-side lists (server-paginated lists use cursors). */
export function DataTable<T>({ columns, data, label, pageSize = 20, initialSorting = [] }: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  // TanStack Table returns fresh functions each render by design; the React Compiler lint rule does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    defaultColumn: { sortingFn: compareValues<T>() },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize } },
  });
  const pageCount = table.getPageCount();

  return (
    <div>
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={label}>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className="px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button type="button" className="inline-flex items-center gap-1 uppercase" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {sorted === "asc" ? <ArrowUp className="size-3" /> : sorted === "desc" ? <ArrowDown className="size-3" /> : <ArrowUpDown className="size-3 opacity-40" />}
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className="px-4 py-3 align-middle">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <div className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm text-slate-600">
          <span>
            Page {table.getState().pagination.pageIndex + 1} of {pageCount}
          </span>
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
              Previous
            </Button>
            <Button size="sm" variant="secondary" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
              Next
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
