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
  { kind: "api", path: "/api/orgs/[org]/health-checks", methods: ["POST"], scope: "org" },
  // Called by Inngest only; the SDK verifies signatures in cloud mode. Holds no tenant data in answers.
  { kind: "api", path: "/api/inngest", methods: ["GET", "POST", "PUT"], scope: "public" },
];
