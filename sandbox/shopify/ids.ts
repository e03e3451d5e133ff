// Shopify global ids ("gid://shopify/Product/123"), money formatting and Relay cursors.
export function gid(type: string, id: number | string, query?: string): string {
  return `gid://shopify/${type}/${id}${query ? `?${query}` : ""}`;
}

/** The numeric id of a gid of the given type (or any type when omitted); null when malformed. */
export function parseGid(value: unknown, type?: string): { type: string; id: number; query: URLSearchParams } | null {
  if (typeof value !== "string") return null;
  const m = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?(.*))?$/.exec(value);
  if (!m || (type && m[1] !== type)) return null;
  return { type: m[1]!, id: Number(m[2]), query: new URLSearchParams(m[3] ?? "") };
}

/** Shopify's cursors are base64 JSON of the last id and sort value. */
export function encodeCursor(id: number, value: number | string = String(id)): string {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: value })).toString("base64");
}

export function decodeCursor(cursor: string): { id: number; value: unknown } | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown; last_value?: unknown };
    return typeof parsed.last_id === "number" ? { id: parsed.last_id, value: parsed.last_value } : null;
  } catch {
    return null;
  }
}

/** Money scalar ("10.00"). */
export function money(n: number): string {
  return n.toFixed(2);
}

/** Decimal scalar as Shopify renders it: at least one decimal, no trailing zeros ("10.0", "10.5"). */
export function decimal(n: number): string {
  const s = String(Math.round(n * 100) / 100);
  return s.includes(".") ? s : `${s}.0`;
}

export function toAmount(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.round(n * 100) / 100 : null;
}

export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
