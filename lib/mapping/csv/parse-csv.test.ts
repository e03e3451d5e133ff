import { describe, expect, it } from "vitest";
import { csvCell, csvLine, unguardCell } from "./format-csv";
import { parseCsv } from "./parse-csv";

describe("parseCsv", () => {
  it.each([
    { name: "empty input", input: "", records: [] },
    { name: "one cell", input: "a", records: [["a"]] },
    { name: "LF line ends", input: "a,b\nc,d\n", records: [["a", "b"], ["c", "d"]] },
    { name: "CRLF line ends", input: "a,b\r\nc,d\r\n", records: [["a", "b"], ["c", "d"]] },
    { name: "CR line ends", input: "a\rb", records: [["a"], ["b"]] },
    { name: "no final line break", input: "a,b\r\nc,d", records: [["a", "b"], ["c", "d"]] },
    { name: "BOM stripped", input: "\uFEFFsku,variant\r\n", records: [["sku", "variant"]] },
    { name: "empty cells", input: ",a,,\n", records: [["", "a", "", ""]] },
    { name: "blank line", input: "a\n\nb\n", records: [["a"], [""], ["b"]] },
    { name: "quoted comma", input: '"a,b",c', records: [["a,b", "c"]] },
    { name: "escaped quotes", input: '"say ""hi""",x', records: [['say "hi"', "x"]] },
    { name: "quoted line breaks", input: '"line1\r\nline2",x\r\ny,z', records: [["line1\r\nline2", "x"], ["y", "z"]] },
    { name: "quoted empty", input: '""', records: [[""]] },
    { name: "quoted empty then cell", input: '"",b\n', records: [["", "b"]] },
    { name: "quote inside an unquoted cell is literal", input: 'ab"c,d', records: [['ab"c', "d"]] },
    { name: "spaces kept", input: " a , b ", records: [[" a ", " b "]] },
    { name: "unicode", input: "Tričko,👕\n", records: [["Tričko", "👕"]] },
  ])("$name", ({ input, records }) => {
    expect(parseCsv(input)).toEqual(records);
  });

  it.each([
    { name: "unterminated quote", input: 'a\n"b,c\n', message: "Row 2: a quoted value is never closed." },
    { name: "text after a closing quote", input: 'a,"b"c\n', message: /^Row 1: unexpected text after a closing quote/ },
  ])("refuses $name with the row", ({ input, message }) => {
    expect(() => parseCsv(input)).toThrow(message);
    try {
      parseCsv(input);
    } catch (error) {
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});

describe("csv cells", () => {
  it.each([
    { value: "plain", cell: "plain" },
    { value: null, cell: "" },
    { value: "a,b", cell: '"a,b"' },
    { value: 'say "hi"', cell: '"say ""hi"""' },
    { value: "two\nlines", cell: '"two\nlines"' },
    { value: "=HYPERLINK(1)", cell: "'=HYPERLINK(1)" },
    { value: "+1", cell: "'+1" },
    { value: "-SKU", cell: "'-SKU" },
    { value: "@cmd", cell: "'@cmd" },
    { value: "=1,2", cell: `"'=1,2"` },
    { value: "A-1", cell: "A-1" },
  ])("$value → $cell, and back", ({ value, cell }) => {
    expect(csvCell(value)).toBe(cell);
    if (value !== null) expect(unguardCell(parseCsv(csvLine([value]))[0]![0]!)).toBe(value);
  });
});
