import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { orgKeys } from "../api/query-keys";
import { OrgRoleProvider } from "../shell/org-role-context";
import type { ConnectionsList } from "./connection-types";
import { ConnectionsPanel } from "./connections-panel";

vi.mock("next/navigation", () => ({ useRouter: () => ({ replace: vi.fn(), refresh: vi.fn() }) }));

const day = 86_400_000;
const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
const none = { connected: null, error: null, select: null };

const shopify: ConnectionsList["shopify"][number] = {
  id: "s1",
  name: "Acme Store",
  shop: "acme.myshopify.com",
  status: "ACTIVE",
  statusReason: null,
  currency: "USD",
  timeZone: "America/New_York",
  tokenExpiresAt: soon(6 * day + 60_000),
  lastCheckedAt: soon(-5 * 60_000),
  lastSuccessfulCallAt: soon(-3 * 3_600_000),
  webhooksReady: true,
  webhookError: null,
  reauthorizeBy: null,
  pairedTikTokShops: [{ id: "t1", name: "Acme US" }],
  connectedAt: soon(-30 * day),
};

const tiktok: ConnectionsList["tiktok"][number] = {
  id: "t1",
  name: "Acme US",
  shopId: "7494001",
  region: "US",
  sellerType: "CROSS_BORDER",
  sellerName: "Acme Seller",
  status: "NEEDS_REAUTH",
  statusReason: "TikTok refused the refresh token.",
  tokenExpiresAt: soon(5 * 3_600_000 + 60_000),
  refreshTokenExpiresAt: soon(300 * day),
  lastCheckedAt: null,
  lastSuccessfulCallAt: null,
  webhooksReady: false,
  webhookError: "Subscription refused",
  reauthorizeBy: null,
  pairedShopify: { id: "s1", name: "Acme Store" },
  connectedAt: soon(-10 * day),
};

function render({ role, data }: { role: Role; data: ConnectionsList }) {
  const client = new QueryClient();
  client.setQueryData(orgKeys.connections("acme"), data);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <OrgRoleProvider value={{ slug: "acme", name: "Acme", role }}>
        <ConnectionsPanel initialReturn={none} />
      </OrgRoleProvider>
    </QueryClientProvider>,
  );
}

const full: ConnectionsList = {
  shopify: [shopify],
  tiktok: [tiktok],
  pendingTikTokAuthorizations: [
    {
      id: "auth1",
      sellerName: "Acme Seller",
      shops: [
        { shopId: "7494001", name: "Acme US", region: "US", sellerType: "LOCAL", connectedConnectionId: "t1" },
        { shopId: "7494002", name: "Acme UK", region: "GB", sellerType: "CROSS_BORDER", connectedConnectionId: null },
      ],
    },
  ],
};

describe("ConnectionsPanel", () => {
  it("shows every store's health and the writer's controls", () => {
    const html = render({ role: "ADMIN", data: full });
    for (const text of [
      "Shopify stores",
      "acme.myshopify.com",
      "Serves: Acme US",
      "expires in 6 days",
      "5 minutes ago",
      "Last successful call",
      "3 hours ago",
      "None yet",
      "Webhooks active",
      "TikTok Shop",
      "Cross-border",
      "Needs re-authorization",
      "TikTok refused the refresh token.",
      "expires in 5 hours",
      "Webhooks failed: Subscription refused",
      ">Paired with</label>",
      "Re-authorize",
      "Check now",
      "Disconnect",
      "Connect Shopify",
      "Connect TikTok Shop",
      "Choose TikTok shops to connect",
      "Connect selected shops",
      "Acme UK",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain(" disabled=\"\" aria-describedby");
  });

  it("shows a platform's re-authorize warning with the button on a working connection", () => {
    const warned = { ...tiktok, status: "ACTIVE" as const, statusReason: null, reauthorizeBy: soon(3 * day + 60_000) };
    const html = render({ role: "ADMIN", data: { ...full, tiktok: [warned] } });
    expect(html).toContain("TikTok Shop asks you to re-authorize Ferry within 3 days to keep syncing.");
    expect(html).toMatch(/<article[^>]*>(?:(?!<\/article>).)*>Re-authorize<\/button>/s);
  });

  it("shows the last error on a working store whose last check failed, apart from its last successful call", () => {
    const failing = { ...shopify, statusReason: "Last check failed: Shopify answered 503 (request abc)." };
    const html = render({ role: "VIEWER", data: { ...full, shopify: [failing] } });
    const card = html.match(/<article[^>]*>(?:(?!<\/article>).)*Acme Store(?:(?!<\/article>).)*<\/article>/s)?.[0] ?? "";
    expect(card).toContain("Connected");
    expect(card).toContain("Last check failed: Shopify answered 503 (request abc).");
    expect(card).toMatch(/Last successful call<\/dt><dd[^>]*><time[^>]*>3 hours ago<\/time>/);
    // A working store without a failed check shows no error line.
    expect(render({ role: "VIEWER", data: full })).not.toContain("Last check failed");
  });

  it("gives viewers no write controls", () => {
    const html = render({ role: "VIEWER", data: full });
    expect(html).toContain("Paired with Acme Store");
    expect(html).toContain("wait for an owner or admin");
    for (const text of ["Re-authorize", "Check now", "Disconnect", "Connect Shopify", "Connect TikTok Shop", "Connect selected shops", "<select", "type=\"checkbox\""]) {
      expect(html).not.toContain(text);
    }
  });

  it("asks for a Shopify store first and keeps TikTok disabled until one is connected", () => {
    const html = render({ role: "OWNER", data: { shopify: [], tiktok: [], pendingTikTokAuthorizations: [] } });
    expect(html).toContain("Connect your Shopify store");
    expect(html).toContain("Connect your Shopify store first: every TikTok shop is paired with one.");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*aria-describedby="[^"]+"[^>]*>Connect TikTok Shop<\/button>/);
  });

  it("explains the disabled TikTok button when no Shopify store is connected any more", () => {
    const html = render({ role: "ADMIN", data: { shopify: [{ ...shopify, status: "DISCONNECTED" }], tiktok: [tiktok], pendingTikTokAuthorizations: [] } });
    const describedBy = html.match(/<button[^>]*disabled=""[^>]*aria-describedby="([^"]+)"[^>]*>Connect TikTok Shop<\/button>/)?.[1];
    expect(describedBy).toBeDefined();
    expect(html).toContain(`id="${describedBy}" class="mt-0.5 text-sm text-slate-600">Connect your Shopify store first: every TikTok shop is paired with one.</p>`);
  });
});
