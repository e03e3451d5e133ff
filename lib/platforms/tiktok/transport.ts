import { z } from "zod";
import { classifyTikTokFailure, TikTokApiError, type TikTokErrorSource } from "./errors";

/** Every TikTok answer, from the Open API and the token service alike. */
export const tiktokEnvelopeSchema = z.object({
  code: z.number().int(),
  message: z.string().default(""),
  data: z.unknown().optional(),
  request_id: z.string().optional(),
});

// TikTok meters requests per second and documents no Retry-After header; wait about one window unless told otherwise.
const DEFAULT_RATE_LIMIT_WAIT_MS = 1000;

export interface SendTikTokRequestOptions {
  fetch: typeof fetch;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string | FormData;
  timeoutMs: number;
  /** `METHOD /path` for errors; never the URL, whose query may hold the app secret (token service). */
  endpoint: string;
  source: TikTokErrorSource;
  signal?: AbortSignal;
}

export interface TikTokSuccess {
  data: unknown;
  requestId: string | null;
}

/** One HTTP exchange with TikTok: send with a timeout, read the envelope, return `data` or throw a classified error. */
export async function sendTikTokRequest(options: SendTikTokRequestOptions): Promise<TikTokSuccess> {
  const { endpoint, source } = options;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let status: number | null = null;
  let text: string;
  let retryAfter: string | null = null;
  try {
    const response = await options.fetch(options.url, { method: options.method, headers: options.headers, body: options.body || undefined, signal });
    status = response.status;
    retryAfter = response.headers.get("retry-after");
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw error; // the caller gave up; not TikTok's failure
    // a URL in an error message is cut at its query: the token service's query holds the app secret
    const reason = String((error as Error)?.message ?? error).replace(/\?\S*/g, "?…");
    const message = timeout.aborted ? `no answer within ${options.timeoutMs} ms` : `network error: ${reason}`;
    const cause = source === "api" ? error : undefined;
    throw new TikTokApiError({ kind: "retryable", code: null, platformMessage: message, requestId: null, httpStatus: status, endpoint, cause });
  }

  const envelope = tiktokEnvelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) {
    const platformMessage = `HTTP ${status} without a TikTok envelope: ${text.slice(0, 200)}`;
    const kind = classifyTikTokFailure({ code: null, message: platformMessage, httpStatus: status, source });
    throw new TikTokApiError({ kind, code: null, platformMessage, requestId: null, httpStatus: status, endpoint, retryAfterMs: waitMs(kind, retryAfter) });
  }
  const { code, message, data, request_id } = envelope.data;
  if (code === 0 && status !== null && status >= 200 && status < 300) return { data, requestId: request_id ?? null };
  const kind = classifyTikTokFailure({ code, message, httpStatus: status, source });
  throw new TikTokApiError({ kind, code, platformMessage: message, requestId: request_id ?? null, httpStatus: status, endpoint, retryAfterMs: waitMs(kind, retryAfter), details: data });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function waitMs(kind: string, retryAfter: string | null): number | null {
  if (kind !== "rateLimited") return null;
  const seconds = Number(retryAfter);
  return retryAfter && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_RATE_LIMIT_WAIT_MS;
}
