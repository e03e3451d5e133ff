import type { DayCount } from "@/lib/overview/day-series";

const dayLabel = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** A small bar chart of counts per day; the numbers are in a table for screen readers too. */
export function DayBarChart({ label, series, tone = "brand" }: { label: string; series: DayCount[]; tone?: "brand" | "danger" }) {
  const max = Math.max(1, ...series.map((d) => d.count));
  const total = series.reduce((n, d) => n + d.count, 0);
  const bar = tone === "danger" ? "bg-red-400" : "bg-brand-500";
  return (
    <figure aria-label={label}>
      <div className="flex h-24 items-end gap-1" aria-hidden>
        {series.map((d) => (
          <div key={d.day} className="flex h-full flex-1 flex-col justify-end" title={`${dayLabel(d.day)}: ${d.count}`}>
            <div className={`${d.count ? bar : "bg-slate-100"} rounded-sm`} style={{ height: `${Math.max(4, (d.count / max) * 100)}%` }} />
          </div>
        ))}
      </div>
      <figcaption className="mt-1 flex justify-between text-xs text-slate-500" aria-hidden>
        <span>{series[0] ? dayLabel(series[0].day) : ""}</span>
        <span>{total.toLocaleString("en-US")} in {series.length} days</span>
        <span>{series.at(-1) ? dayLabel(series.at(-1)!.day) : ""}</span>
      </figcaption>
      <table className="sr-only">
        <caption>{label}</caption>
        <tbody>
          {series.map((d) => (
            <tr key={d.day}>
              <th scope="row">{dayLabel(d.day)}</th>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
