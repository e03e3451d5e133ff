// HTTP calls from the runner to the app's serve endpoint, signed in cloud mode.
import { canonicalJson, sign, verify } from "./signing";

export interface AppAnswer {
  kind: "answer";
  status: number;
  headers: Headers;
  text: string;
  /** Set when cloud mode is on and the answer's signature is missing or wrong. */
  signatureError: string | null;
}
/** The app could not be reached at all (refused, reset, DNS): retried without spending an attempt. */
export interface AppUnreachable { kind: "unreachable"; error: string; timedOut: boolean }

export interface AppClientOptions {
  signingKey?: string;
  requestTimeoutMs: number;
  signal: AbortSignal;
}

export async function callApp(
  url: string,
  method: "POST" | "PUT",
  body: unknown,
  extraHeaders: Record<string, string>,
  opts: AppClientOptions,
): Promise<AppAnswer | AppUnreachable> {
  const text = canonicalJson(body);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-inngest-server-kind": opts.signingKey ? "cloud" : "dev",
    ...extraHeaders,
  };
  if (opts.signingKey) headers["x-inngest-signature"] = sign(text, opts.signingKey);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: text,
      signal: AbortSignal.any([opts.signal, AbortSignal.timeout(opts.requestTimeoutMs)]),
    });
  } catch (err) {
    if (opts.signal.aborted) throw err;
    return { kind: "unreachable", error: describeFetchError(err), timedOut: (err as Error).name === "TimeoutError" };
  }
  let answer: string;
  try {
    answer = await res.text();
  } catch (err) {
    if (opts.signal.aborted) throw err;
    return { kind: "unreachable", error: describeFetchError(err), timedOut: (err as Error).name === "TimeoutError" };
  }
  // Every answer is checked, errors too: an unsigned 400 with x-inngest-no-retry would otherwise let
  // anyone on the path fail a run for good (and trigger its onFailure).
  const signatureError = opts.signingKey ? verify(res.headers.get("x-inngest-signature"), answer, opts.signingKey) : null;
  return { kind: "answer", status: res.status, headers: res.headers, text: answer, signatureError };
}

function describeFetchError(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(": ") || String(err);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
