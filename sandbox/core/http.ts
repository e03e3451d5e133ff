import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxRequest, SandboxResponse } from "./platform";

const MAX_BODY_BYTES = 200 * 1024 * 1024; // seeding 50,000 SKUs in one call must fit

export async function readRequest(req: IncomingMessage, base: string, receivedAt = Date.now()): Promise<SandboxRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(buf);
  }
  const rawBody = Buffer.concat(chunks);
  const url = new URL(req.url ?? "/", base);
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return { method: (req.method ?? "GET").toUpperCase(), url, path: url.pathname, headers, rawBody, body: parseBody(rawBody, headers["content-type"]), receivedAt };
}

export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const text = raw.toString("utf8");
  if (type === "application/x-www-form-urlencoded") return Object.fromEntries(new URLSearchParams(text));
  if (type.startsWith("multipart/")) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function writeResponse(res: ServerResponse, out: SandboxResponse): void {
  const headers: Record<string, string> = { ...(out.headers ?? {}) };
  let payload: string | Buffer;
  if (typeof out.body === "string" || Buffer.isBuffer(out.body)) {
    payload = out.body;
    headers["content-type"] ??= "text/plain; charset=utf-8";
  } else if (out.body === undefined || out.body === null) {
    payload = "";
  } else {
    payload = JSON.stringify(out.body);
    headers["content-type"] ??= "application/json";
  }
  res.writeHead(out.status, headers);
  res.end(payload);
}

export function json(status: number, body: unknown): SandboxResponse {
  return { status, body };
}

export function badRequest(message: string, status = 400): SandboxResponse {
  return { status, body: { error: message } };
}

export function html(status: number, body: string): SandboxResponse {
  return { status, headers: { "content-type": "text/html; charset=utf-8" }, body };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
