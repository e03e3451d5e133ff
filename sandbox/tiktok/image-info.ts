// Reads an image's format and pixel size from its first bytes, the way an image service does before it
// decodes anything: JPEG, PNG, WEBP, BMP and HEIC are the formats Upload Product Image takes.

export type ImageFormat = "JPEG" | "PNG" | "WEBP" | "BMP" | "HEIC";
export interface ImageInfo { format: ImageFormat; width: number; height: number }

/** Format and size, { format } alone when the size cannot be read, or null for a format TikTok does not take. */
export function readImageInfo(data: Buffer): ImageInfo | { format: ImageFormat; width?: undefined } | null {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.subarray(12, 16).toString("latin1") === "IHDR") {
    return { format: "PNG", width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return jpeg(data);
  if (data.length >= 16 && data.subarray(0, 4).toString("latin1") === "RIFF" && data.subarray(8, 12).toString("latin1") === "WEBP") return webp(data);
  if (data.length >= 26 && data.subarray(0, 2).toString("latin1") === "BM") {
    return { format: "BMP", width: Math.abs(data.readInt32LE(18)), height: Math.abs(data.readInt32LE(22)) };
  }
  if (data.length >= 12 && data.subarray(4, 8).toString("latin1") === "ftyp" && /^(heic|heix|heim|heis|mif1|msf1)$/.test(data.subarray(8, 12).toString("latin1"))) {
    // the first "ispe" (image spatial extents) property: version/flags, then width and height
    const at = data.indexOf("ispe", 12, "latin1");
    return at > 0 && at + 16 <= data.length ? { format: "HEIC", width: data.readUInt32BE(at + 8), height: data.readUInt32BE(at + 12) } : { format: "HEIC" };
  }
  return null;
}

function jpeg(data: Buffer): ImageInfo | { format: "JPEG" } {
  let i = 2;
  while (i + 9 < data.length) {
    if (data[i] !== 0xff) return { format: "JPEG" };
    const marker = data[i + 1]!;
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { format: "JPEG", height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
    }
    i += 2 + data.readUInt16BE(i + 2);
  }
  return { format: "JPEG" };
}

function webp(data: Buffer): ImageInfo | { format: "WEBP" } {
  const chunk = data.subarray(12, 16).toString("latin1");
  if (chunk === "VP8X" && data.length >= 30) return { format: "WEBP", width: 1 + data.readUIntLE(24, 3), height: 1 + data.readUIntLE(27, 3) };
  if (chunk === "VP8 " && data.length >= 30) return { format: "WEBP", width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
  if (chunk === "VP8L" && data.length >= 25) {
    const bits = data.readUInt32LE(21);
    return { format: "WEBP", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return { format: "WEBP" };
}
