import { AppError } from "../../errors";
import { importMappingsSchema } from "./import-mappings";
import { MAX_IMPORT_BYTES } from "./read-import-rows";

// The CSV travels as a JSON string: quotes and line breaks are escaped, so allow some growth.
const MAX_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES * 1.5);

/**
 * The import request's JSON body, with a larger limit than lib/http/parse.ts allows (a CSV may be
 * 5 MB). A body that is too large is refused from its Content-Length before it is read.
 */
export async function parseImportRequest(request: Request) {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
  const tooLarge = new AppError("PAYLOAD_TOO_LARGE", "The CSV is larger than 5 MB. Split it into several files.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge;
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) throw tooLarge;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  return importMappingsSchema.parse(json);
}
