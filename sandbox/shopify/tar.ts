// A minimal reader for an uncompressed ustar archive (what `npm pack` writes): enough to pull
// one regular file out without depending on a system `tar`.
export function readTarEntry(tar: Buffer, wanted: string): Buffer | undefined {
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) return undefined;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const dataStart = offset + 512;
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / 512) * 512;
    if (type === "L") {
      longName = data.toString("utf8").replace(/\0.*$/s, "");
      continue;
    }
    if (type === "x" || type === "g") {
      const match = /\d+ path=([^\n]*)\n/.exec(data.toString("utf8"));
      if (match && type === "x") longName = match[1];
      continue;
    }
    name = name.replace(/^\.\//, "");
    if ((type === "0" || type === "" ) && name === wanted) return Buffer.from(data);
  }
  return undefined;
}
