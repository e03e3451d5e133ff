import { expect, it } from "vitest";
import { readFlash, signFlash } from "./flash";

it("reads back a signed message and refuses a crafted one", () => {
  const token = signFlash("Authorization was cancelled on TikTok Shop.");
  expect(readFlash(token)).toBe("Authorization was cancelled on TikTok Shop.");
  const forged = `${Buffer.from("Your account is locked. Call +1 555 0100.").toString("base64url")}.${token.split(".")[1]}`;
  expect(readFlash(forged)).toBeNull();
  expect(readFlash("garbage")).toBeNull();
  expect(readFlash(undefined)).toBeNull();
});
