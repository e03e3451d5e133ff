import { describeAgo } from "../connections/time-words";
import type { CatalogImportView } from "./product-types";

export interface ImportProgress {
  /** 0–100 while the total is known; null for an indeterminate bar or no bar at all. */
  percent: number | null;
  running: boolean;
  text: string;
  tone: "neutral" | "danger";
}

const count = (n: number) => n.toLocaleString("en-US");

/** What the progress bar of one store shows for its latest import. */
export function importProgress(latest: CatalogImportView | null): ImportProgress {
  if (!latest) return { percent: null, running: false, text: "Not imported yet", tone: "neutral" };
  if (latest.status === "RUNNING") {
    if (latest.total && latest.total > 0) {
      const percent = Math.min(100, Math.floor((latest.processed / latest.total) * 100));
      return { percent, running: true, text: `Importing… ${count(latest.processed)} of ${count(latest.total)}`, tone: "neutral" };
    }
    return { percent: null, running: true, text: latest.processed > 0 ? `Importing… ${count(latest.processed)} so far` : "Importing…", tone: "neutral" };
  }
  if (latest.status === "FAILED") return { percent: null, running: false, text: `Import failed${latest.error ? `: ${latest.error}` : "."}`, tone: "danger" };
  return { percent: 100, running: false, text: `Imported ${count(latest.processed)}`, tone: "neutral" };
}

export function lastImportedText({ lastImportedAt, now }: { lastImportedAt: string | null; now: number }): string {
  return lastImportedAt ? `Last imported ${describeAgo({ at: lastImportedAt, now })}` : "Never imported";
}
