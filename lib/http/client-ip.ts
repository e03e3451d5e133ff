import { env } from "../env";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's IP for rate limiting. Behind a trusted proxy (TRUST_PROXY=true) the first
 * X-Forwarded-For entry is the client; otherwise the last one, which the Node server itself
 * appends and a client cannot forge.
 */
export function clientIp(headers: HeaderSource): string {
  const forwarded = header(headers, "x-forwarded-for");
  const parts = forwarded?.split(",").map((part) => part.trim()).filter(Boolean) ?? [];
  const ip = env().TRUST_PROXY ? parts[0] : parts[parts.length - 1];
  return ip || header(headers, "x-real-ip") || "unknown";
}
