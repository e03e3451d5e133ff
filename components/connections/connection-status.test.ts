import { describe, expect, it } from "vitest";
import { connectionActions, describeWebhooks, sellerTypeLabels, statusLabels, statusTones } from "./connection-status";

describe("status labels", () => {
  it.each([
    ["ACTIVE", "Connected", "success"],
    ["NEEDS_REAUTH", "Needs re-authorization", "warning"],
    ["DISCONNECTED", "Disconnected", "neutral"],
    ["UNINSTALLED", "Uninstalled", "danger"],
  ] as const)("%s → %s (%s)", (status, label, tone) => {
    expect(statusLabels[status]).toBe(label);
    expect(statusTones[status]).toBe(tone);
  });

  it("names seller types", () => {
    expect(sellerTypeLabels).toEqual({ LOCAL: "Local", CROSS_BORDER: "Cross-border" });
  });
});

describe("connectionActions", () => {
  const warned = "2026-03-15T00:00:00.000Z";
  it.each([
    ["ACTIVE", null, { reauthorize: false, check: true, disconnect: true }],
    ["ACTIVE", warned, { reauthorize: true, check: true, disconnect: true }],
    ["NEEDS_REAUTH", null, { reauthorize: true, check: true, disconnect: true }],
    ["DISCONNECTED", null, { reauthorize: true, check: false, disconnect: false }],
    ["UNINSTALLED", null, { reauthorize: true, check: false, disconnect: false }],
  ] as const)("%s (re-authorize by %s)", (status, reauthorizeBy, actions) => {
    expect(connectionActions({ status, reauthorizeBy })).toEqual(actions);
  });
});

describe("describeWebhooks", () => {
  it.each([
    [{ status: "ACTIVE", webhooksReady: true, webhookError: null }, "Webhooks active", "success"],
    [{ status: "ACTIVE", webhooksReady: false, webhookError: null }, "Setting up webhooks…", "warning"],
    [{ status: "ACTIVE", webhooksReady: false, webhookError: "403 from Shopify" }, "Webhooks failed: 403 from Shopify", "danger"],
    [{ status: "NEEDS_REAUTH", webhooksReady: true, webhookError: "token refused" }, "Webhooks failed: token refused", "danger"],
    [{ status: "DISCONNECTED", webhooksReady: false, webhookError: "old" }, "No webhooks (store not connected)", "neutral"],
    [{ status: "UNINSTALLED", webhooksReady: true, webhookError: null }, "No webhooks (store not connected)", "neutral"],
  ] as const)("%o → %s", (input, text, tone) => {
    expect(describeWebhooks(input)).toEqual({ text, tone });
  });
});
