import { describe, expect, it } from "vitest";
import { decimalOrThrow, formatAmount, mul, parseDecimal, roundToCurrency, roundUpToEnding, sameAmount } from "./money";

describe("money", () => {
  it.each([
    ["12.5", "USD", "12.50"],
    ["12.345", "USD", "12.35"],
    ["12.344", "USD", "12.34"],
    ["1234.5", "JPY", "1235"],
    ["1234.4", "JPY", "1234"],
    ["0.005", "EUR", "0.01"],
  ])("rounds %s %s to %s", (amount, currency, expected) => {
    expect(formatAmount(roundToCurrency(decimalOrThrow(amount), currency), currency)).toBe(expected);
  });

  it.each([
    ["12.40", "0.99", "USD", "12.99"],
    ["12.99", "0.99", "USD", "12.99"],
    ["13.00", "0.99", "USD", "13.99"],
    ["12.96", "0.95", "EUR", "13.95"],
    ["1234", "80", "JPY", "1280"],
    ["1290", "80", "JPY", "1380"],
    ["20", "0", "USD", "20.00"],
  ])("rounds %s up to the ending %s (%s) → %s", (amount, ending, currency, expected) => {
    expect(formatAmount(roundUpToEnding(decimalOrThrow(amount), { ending: decimalOrThrow(ending), currency }), currency)).toBe(expected);
  });

  it("multiplies exactly where floats do not", () => {
    expect(0.1 * 3).not.toBe(0.3);
    expect(formatAmount(mul(decimalOrThrow("0.1"), decimalOrThrow("3")), "USD")).toBe("0.30");
    expect(formatAmount(mul(decimalOrThrow("19.99"), decimalOrThrow("1.0823")), "EUR")).toBe("21.64");
  });

  it.each([
    ["10", "10.00", true],
    ["10.0", "10.01", false],
    [null, null, true],
    [null, "1", false],
  ] as const)("sameAmount(%s, %s) is %s", (a, b, expected) => {
    expect(sameAmount(a, b)).toBe(expected);
  });

  it.each(["", "1,5", "abc", "1.2.3", "-"])("refuses %j", (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});
