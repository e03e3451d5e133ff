// A small multipart/form-data reader (RFC 7578) for the upload endpoints: fields as text, files as bytes.

export interface MultipartPart { name: string; filename: string | null; contentType: string | null; data: Buffer }
export interface MultipartForm { parts: MultipartPart[] }

/** The form, or null when the body is not well-formed multipart with the boundary its content-type names. */
export function parseMultipart(raw: Buffer, contentType: string | undefined): MultipartForm | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
  const b = (boundary?.[1] ?? boundary?.[2])?.trim();
  if (!b) return null;
  const delimiter = Buffer.from(`--${b}`);
  const parts: MultipartPart[] = [];
  let pos = raw.indexOf(delimiter);
  if (pos < 0) return null;
  for (;;) {
    pos += delimiter.length;
    if (raw.subarray(pos, pos + 2).toString() === "--") return { parts };
    if (raw.subarray(pos, pos + 2).toString() !== "\r\n") return null;
    pos += 2;
    const headerEnd = raw.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) return null;
    const headers = raw.subarray(pos, headerEnd).toString("utf8").split("\r\n");
    const next = raw.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd + 4);
    if (next < 0) return null;
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return null;
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    const type = headers.find((h) => /^content-type:/i.test(h))?.split(":")[1]?.trim() ?? null;
    parts.push({ name, filename, contentType: type, data: raw.subarray(headerEnd + 4, next) });
    pos = next + 2;
  }
}
