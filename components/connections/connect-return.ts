// What the OAuth callbacks put in the URL when they send the merchant back to the Connections page.
export interface ConnectReturn {
  connected: "shopify" | "tiktok" | null;
  error: string | null;
  select: string | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

// The page passes only a verified (signed) error text; it is still shown as plain text, under our own heading, and kept short.
const MAX_ERROR_LENGTH = 300;
const AUTHORIZATION_ID = /^[A-Za-z0-9_-]{1,100}$/;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function readConnectReturn(params: SearchParams): ConnectReturn {
  const connected = first(params.connected);
  const error = first(params.error)?.trim();
  const select = first(params.select);
  return {
    connected: connected === "shopify" || connected === "tiktok" ? connected : null,
    error: error ? (error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error) : null,
    select: select && AUTHORIZATION_ID.test(select) ? select : null,
  };
}

export function hasConnectReturn(value: ConnectReturn): boolean {
  return value.connected !== null || value.error !== null || value.select !== null;
}

export const connectedMessages = { shopify: "Shopify store connected.", tiktok: "TikTok Shop connected." } as const;

export function connectedShopsMessage(count: number): string {
  return `Connected ${count} TikTok shop${count === 1 ? "" : "s"}.`;
}
