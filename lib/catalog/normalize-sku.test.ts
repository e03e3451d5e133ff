import { describe, expect, it } from "vitest";
import { normalizeSku } from "./normalize-sku";

describe("normalizeSku", () => {
  it.each([
    ["FD-TEE-BLK-M", "fd-tee-blk-m"],
    ["  FD-BEANIE-BLK ", "fd-beanie-blk"],
    ["FD  TEE\tBLK\nM", "fd tee blk m"],
    ["\u00a0Ab\u00a0 C\u00a0", "ab c"],
    ["fd-tote-nat", "fd-tote-nat"],
    ["", null],
    ["   ", null],
    [null, null],
    [undefined, null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeSku(input)).toBe(expected);
  });
});
