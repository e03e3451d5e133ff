// Every page and API route of the app, with how the cross-tenant spec exercises it.
// e2e/route-inventory.test.ts fails when a route exists in app/ but not here.

export type Scope =
  | "org" // under /[org]: another tenant's slug must give 404
  | "org-id" // under /[org] with a record id: another tenant's id must give 404 even with one's own slug
  | "user" // the signed-in user's own data only
  | "public"; // no tenant data (or guarded by an unguessable token)

export interface RouteEntry {
  path: string;
  methods: string[];
  scope: Scope;
  kind: "page" | "api";
}

export const routeInventory: RouteEntry[] = [
  { kind: "page", path: "/", methods: ["GET"], scope: "user" },
  { kind: "page", path: "/sign-in", methods: ["GET"], scope: "public" },
  { kind: "page", path: "/sign-up", methods: ["GET"], scope: "public" },
  { kind: "page", path: "/invite/[token]", methods: ["GET"], scope: "public" },
  { kind: "page", path: "/organizations/new", methods: ["GET"], scope: "user" },
  ...["overview", "products", "orders", "activity", "settings", "connections", "team"].map(
    (segment): RouteEntry => ({ kind: "page", path: `/[org]/${segment}`, methods: ["GET"], scope: "org" }),
  ),
  { kind: "page", path: "/[org]/products/[productId]", methods: ["GET"], scope: "org-id" },
  { kind: "page", path: "/[org]/products/bulk-edit", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/auth/[...nextauth]", methods: ["GET", "POST"], scope: "public" },
  { kind: "api", path: "/api/health", methods: ["GET"], scope: "public" },
  { kind: "api", path: "/api/sign-up", methods: ["POST"], scope: "public" },
  { kind: "api", path: "/api/invitations/[token]", methods: ["GET"], scope: "public" },
  { kind: "api", path: "/api/invitations/[token]/accept", methods: ["POST"], scope: "public" },
  { kind: "api", path: "/api/me/organizations", methods: ["GET", "POST"], scope: "user" },
  { kind: "api", path: "/api/orgs/[org]", methods: ["GET", "PATCH"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/members", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/members/[memberId]", methods: ["PATCH", "DELETE"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/invitations", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/invitations/[invitationId]", methods: ["DELETE"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/activity", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/notifications", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/audit", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/notifications/read", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/settings", methods: ["GET", "PATCH"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/health-checks", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/connections", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/connections/shopify", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/connections/tiktok", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/connections/tiktok/shops", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/connections/[connectionId]", methods: ["PATCH"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/connections/[connectionId]/disconnect", methods: ["POST"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/connections/[connectionId]/check", methods: ["POST"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/catalog/imports", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/catalog", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/products", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/mapping/proposals", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/mapping/batches", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/mapping/batches/[batchId]", methods: ["GET"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/mapping/batches/[batchId]/undo", methods: ["POST"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/mapping/unmap", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/mapping/variants", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/mapping/manual", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/mapping/export", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/mapping/import", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/product-sync/previews", methods: ["POST"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/product-sync/previews/[previewId]", methods: ["GET"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/products/[productId]/sync", methods: ["POST"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/carriers/[tiktokConnectionId]", methods: ["GET", "PUT"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/fulfillments", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/fulfillments/[fulfillmentId]/retry", methods: ["POST"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/orders", methods: ["GET"], scope: "org" },
  { kind: "api", path: "/api/orgs/[org]/orders/[orderId]", methods: ["GET"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/orders/[orderId]/retry", methods: ["POST"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/products/[productId]/editor", methods: ["GET"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/products/[productId]/edit", methods: ["POST"], scope: "org-id" },
  { kind: "api", path: "/api/orgs/[org]/products/bulk-edit", methods: ["POST"], scope: "org" },
  // OAuth callbacks: bound to the signed-in member through the single-use state; no ids in the path.
  { kind: "api", path: "/api/connect/shopify/callback", methods: ["GET"], scope: "user" },
  { kind: "api", path: "/api/connect/tiktok/callback", methods: ["GET"], scope: "user" },
  // Platform webhooks: authenticated by the platform's signature, not by a session.
  { kind: "api", path: "/api/webhooks/shopify", methods: ["POST"], scope: "public" },
  { kind: "api", path: "/api/webhooks/shopify/compliance", methods: ["POST"], scope: "public" },
  { kind: "api", path: "/api/webhooks/tiktok", methods: ["POST"], scope: "public" },
  // Called by Inngest only; the SDK verifies signatures in cloud mode. Holds no tenant data in answers.
  { kind: "api", path: "/api/inngest", methods: ["GET", "POST", "PUT"], scope: "public" },
];
