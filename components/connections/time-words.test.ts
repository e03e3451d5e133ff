import { describe, expect, it } from "vitest";
import { describeAgo, describeExpiry, durationWords, reauthorizeNotice } from "./time-words";

const now = Date.parse("2026-03-10T12:00:00.000Z");
const at = (ms: number) => new Date(now + ms).toISOString();
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe("durationWords", () => {
  it.each([
    [0, "less than a minute"],
    [59_999, "less than a minute"],
    [minute, "1 minute"],
    [59 * minute, "59 minutes"],
    [hour, "1 hour"],
    [23 * hour + 59 * minute, "23 hours"],
    [day, "1 day"],
    [6 * day + 23 * hour, "6 days"],
    [-3 * hour, "3 hours"],
  ])("%d ms → %s", (ms, words) => {
    expect(durationWords(ms)).toBe(words);
  });
});

describe("describeExpiry", () => {
  it.each([
    [null, "does not expire", "neutral"],
    ["not a date", "expiry unknown", "neutral"],
    [at(6 * day + hour), "expires in 6 days", "neutral"],
    [at(2 * day), "expires in 2 days", "neutral"],
    [at(2 * day - 1), "expires in 1 day", "warning"],
    [at(5 * hour), "expires in 5 hours", "warning"],
    [at(30_000), "expires in less than a minute", "warning"],
    [at(0), "expired less than a minute ago", "danger"],
    [at(-3 * hour), "expired 3 hours ago", "danger"],
  ])("%s → %s (%s)", (expiresAt, text, tone) => {
    expect(describeExpiry({ expiresAt, now })).toEqual({ text, tone });
  });
});

describe("describeAgo", () => {
  it.each([
    [null, "never"],
    ["garbage", "unknown"],
    [at(5_000), "just now"],
    [at(-30_000), "just now"],
    [at(-5 * minute), "5 minutes ago"],
    [at(-hour), "1 hour ago"],
    [at(-2 * day - hour), "2 days ago"],
  ])("%s → %s", (time, words) => {
    expect(describeAgo({ at: time, now })).toBe(words);
  });
});

describe("reauthorizeNotice", () => {
  it.each([
    [null, true, null],
    [at(5 * day + hour), false, null],
    [at(5 * day + hour), true, "TikTok Shop asks you to re-authorize Ferry within 5 days to keep syncing."],
    [at(-hour), true, "TikTok Shop asked for a new authorization, and the deadline has passed. Re-authorize to keep syncing."],
    ["soon", true, "TikTok Shop asks you to re-authorize Ferry soon to keep syncing."],
  ])("%s (active %s)", (reauthorizeBy, active, notice) => {
    expect(reauthorizeNotice({ platform: "TikTok Shop", reauthorizeBy, active, now })).toBe(notice);
  });
});
