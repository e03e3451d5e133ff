import { badRequest } from "../../errors";

/**
 * Parses RFC 4180 CSV into records of cells: quoted fields with "" escapes and embedded line
 * breaks, CRLF, LF or CR line ends, a leading UTF-8 BOM (Excel writes one). A trailing line break
 * does not add a record; a blank line is a record with one empty cell. Malformed quoting is a
 * 400 naming the record, never a guess.
 */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let i = 0;
  // Whether the current record has consumed any character (a lone "" is a record with one empty cell).
  let started = false;
  const endCell = () => {
    record.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    records.push(record);
    record = [];
    started = false;
  };
  while (i < input.length) {
    const char = input[i]!;
    started = true;
    if (char === '"' && cell === "") {
      const start = records.length + 1;
      i++;
      for (;;) {
        if (i >= input.length) throw badRequest(`Row ${start}: a quoted value is never closed.`);
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += input[i];
        i++;
      }
      const next = input[i];
      if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") {
        throw badRequest(`Row ${start}: unexpected text after a closing quote. Put the whole value in quotes and double any quote inside it.`);
      }
      continue;
    }
    if (char === ",") {
      endCell();
      i++;
    } else if (char === "\r" || char === "\n") {
      endRecord();
      i += char === "\r" && input[i + 1] === "\n" ? 2 : 1;
    } else {
      cell += char;
      i++;
    }
  }
  // A final record without a line break; an input ending in a line break adds none.
  if (started) endRecord();
  return records;
}
