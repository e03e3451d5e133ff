import type { z } from "zod";
import { AppError } from "../errors";

export const MAX_BODY_BYTES = 1_000_000;

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "The request body is too large.");

/** Reads the body as UTF-8, stopping as soon as it passes `limit` bytes (a huge body is never buffered whole). */
async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON request body against a schema; bad input is a 4xx with a message, never a 500. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
  }
  const text = await readLimited(request, MAX_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  // A ZodError becomes a 400 naming the field in lib/http/error-response.ts.
  return schema.parse(json);
}

export function parseParams<S extends z.ZodType>(params: unknown, schema: S): z.infer<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw new AppError("NOT_FOUND", "Not found.");
  return result.data;
}
