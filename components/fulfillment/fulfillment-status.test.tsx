import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { OrgRoleProvider } from "../shell/org-role-context";
import { FulfillmentStatus, tiktokStatusLabel } from "./fulfillment-status";
import type { FulfillmentView } from "./use-order-fulfillments";

const base: FulfillmentView = {
  id: "f1", state: "TRACKING_SENT", stateLabel: "Tracking sent", shopifyOrderId: "1", shopifyFulfillmentId: "11", trackingNumber: "1Z999AA10123456784",
  trackingCompany: "United Parcel Service", shippingProvider: { id: "7117859084333745966", name: "UPS" }, tiktokPackageId: "p1", tiktokStatus: "AWAITING_COLLECTION",
  tiktokStatusAt: null, shippedAt: null, trackingUpdatedAt: null, lastError: null, updatedAt: "2026-12-02T06:00:00.000Z",
};
const failed: FulfillmentView = { ...base, id: "f2", shopifyFulfillmentId: "12", state: "FAILED", stateLabel: "Needs attention", trackingNumber: null, shippingProvider: null, tiktokStatus: null, lastError: 'No TikTok shipping provider for the carrier "Canada Post".' };

function render(fulfillments: FulfillmentView[], role: Role = "ADMIN") {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <OrgRoleProvider value={{ slug: "acme", name: "Acme", role }}>
        <FulfillmentStatus fulfillments={fulfillments} />
      </OrgRoleProvider>
    </QueryClientProvider>,
  );
}

describe("FulfillmentStatus", () => {
  it("shows the state, the provider and tracking TikTok has, and TikTok's status", () => {
    const html = render([base]);
    expect(html).toContain("Tracking sent");
    expect(html).toContain("UPS 1Z999AA10123456784");
    expect(html).toContain("TikTok: Awaiting collection");
    expect(html).not.toContain("Retry");
  });

  it("shows the reason and Retry for a fulfillment that needs attention, Retry only to those who may write", () => {
    expect(render([failed])).toContain("Needs attention");
    expect(render([failed])).toContain("Canada Post");
    expect(render([failed])).toContain("Retry");
    expect(render([failed], "VIEWER")).not.toContain("Retry");
  });

  it("says so when nothing was fulfilled yet", () => {
    expect(render([])).toContain("Not fulfilled yet");
  });

  it.each([
    ["AWAITING_COLLECTION", "Awaiting collection"],
    ["IN_TRANSIT", "In transit"],
    ["PARTIALLY_SHIPPING", "Partially shipping"],
  ])("%s reads %s", (status, label) => expect(tiktokStatusLabel(status)).toBe(label));
});
