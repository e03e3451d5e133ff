import type { ImportMappingsReport } from "./use-import-mappings-csv";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The dry run's answer: what would be written, and every row error with its row number. */
export function ImportReport({ report }: { report: ImportMappingsReport }) {
  const hidden = report.errorCount - report.errors.length;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" aria-live="polite">
        {plural(report.rows, "row", "rows")}: {plural(report.create, "new mapping", "new mappings")}, {plural(report.change, "changed mapping", "changed mappings")},{" "}
        {plural(report.unchanged, "already mapped", "already mapped")}.
      </p>
      {report.errorCount === 0 ? (
        <p className="text-sm text-emerald-700">No errors. Nothing has been written yet: choose Import to write these mappings.</p>
      ) : (
        <div className="space-y-2">
          <p role="alert" className="text-sm font-medium text-red-700">
            {plural(report.errorCount, "row has an error", "rows have errors")}. Fix the file and choose it again; nothing is imported while any row fails.
          </p>
          <div className="max-h-64 overflow-y-auto rounded-md border border-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Row errors">
              <thead className="sticky top-0 bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                    Row
                  </th>
                  <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                    Error
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.errors.map((error) => (
                  <tr key={`${error.row}-${error.code}`}>
                    <td className="px-3 py-2 align-top tabular-nums text-slate-700">{error.row}</td>
                    <td className="px-3 py-2 text-slate-900">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {hidden > 0 ? <p className="text-xs text-slate-500">And {plural(hidden, "more error", "more errors")} not shown.</p> : null}
        </div>
      )}
    </div>
  );
}
