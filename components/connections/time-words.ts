const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Tokens this close to expiry are flagged: a failed refresh leaves little time to re-authorize.
export const EXPIRY_WARNING_MS = 2 * DAY;

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** A duration in its largest whole unit, rounded down: "6 days", "1 hour", "less than a minute". */
export function durationWords(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY) return plural(Math.floor(abs / DAY), "day");
  if (abs >= HOUR) return plural(Math.floor(abs / HOUR), "hour");
  if (abs >= MINUTE) return plural(Math.floor(abs / MINUTE), "minute");
  return "less than a minute";
}

export interface ExpiryWords {
  text: string;
  tone: "neutral" | "warning" | "danger";
}

/** "expires in 6 days" (neutral), under two days a warning, past it "expired 3 hours ago" (danger). */
export function describeExpiry({ expiresAt, now }: { expiresAt: string | null; now: number }): ExpiryWords {
  if (!expiresAt) return { text: "does not expire", tone: "neutral" };
  const left = Date.parse(expiresAt) - now;
  if (Number.isNaN(left)) return { text: "expiry unknown", tone: "neutral" };
  if (left <= 0) return { text: `expired ${durationWords(left)} ago`, tone: "danger" };
  return { text: `expires in ${durationWords(left)}`, tone: left < EXPIRY_WARNING_MS ? "warning" : "neutral" };
}

/** "5 minutes ago", "just now", or "never" when there is no time. */
export function describeAgo({ at, now }: { at: string | null; now: number }): string {
  if (!at) return "never";
  const elapsed = now - Date.parse(at);
  if (Number.isNaN(elapsed)) return "unknown";
  // A clock slightly ahead of ours reads as now, not as the future.
  if (elapsed < MINUTE) return "just now";
  return `${durationWords(elapsed)} ago`;
}

/** The banner for a platform's "authorization expires soon" warning, while the connection still works. */
export function reauthorizeNotice({ platform, reauthorizeBy, active, now }: { platform: string; reauthorizeBy: string | null; active: boolean; now: number }): string | null {
  if (!reauthorizeBy || !active) return null;
  const left = Date.parse(reauthorizeBy) - now;
  if (Number.isNaN(left)) return `${platform} asks you to re-authorize Ferry soon to keep syncing.`;
  if (left <= 0) return `${platform} asked for a new authorization, and the deadline has passed. Re-authorize to keep syncing.`;
  return `${platform} asks you to re-authorize Ferry within ${durationWords(left)} to keep syncing.`;
}
