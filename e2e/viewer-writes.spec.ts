import { createAccount, expect, pageFor, test, uniqueEmail } from "./support/fixtures";
import { routeInventory } from "./support/route-inventory";

// Every write route of an organization, taken from the route inventory (so a new route is swept too),
// refuses a viewer on the server. The role is checked before the body or the record id is read.
// The exceptions are writes that are a viewer's own business, each with its reason:
const viewerMayCall: Record<string, string> = {
  "POST /api/orgs/[org]/notifications/read": "marks the viewer's own notifications read",
  "POST /api/orgs/[org]/mapping/proposals": "computes a review page (a read sent as POST for its body)",
};
const PLACEHOLDER_ID = "c0000000000000000000000000";

test("a viewer is refused by every write route of the organization", async ({ browser, request }) => {
  const owner = await createAccount(request, { label: "sweep-owner", organizationName: "Sweep Co" });
  const ownerPage = await pageFor(browser, owner);
  const viewerEmail = uniqueEmail("sweep-viewer");
  const invite = await ownerPage.request.post(`/api/orgs/${owner.orgSlug}/invitations`, { data: { email: viewerEmail, role: "VIEWER" } });
  expect(invite.status()).toBe(201);
  const token = ((await invite.json()) as { url: string }).url.split("/").pop()!;
  const viewer = await createAccount(request, { label: "sweep-viewer", email: viewerEmail, invitationToken: token });
  const viewerPage = await pageFor(browser, { ...viewer, orgSlug: owner.orgSlug });
  const members = (await (await viewerPage.request.get(`/api/orgs/${owner.orgSlug}/members`)).json()) as { members: { id: string; email: string }[] };
  // Removing a member is allowed to a viewer only for leaving; someone else's membership is refused.
  const ownerMemberId = members.members.find((member) => member.email === owner.email)!.id;

  const writes = routeInventory
    .filter((route) => route.kind === "api" && (route.scope === "org" || route.scope === "org-id"))
    .flatMap((route) => route.methods.filter((method) => method !== "GET").map((method) => ({ method, path: route.path })))
    .filter(({ method, path }) => !(`${method} ${path}` in viewerMayCall));
  expect(writes.length, "the sweep found no write routes").toBeGreaterThan(15);

  for (const { method, path } of writes) {
    const url = path.replace("[org]", owner.orgSlug).replace("[memberId]", ownerMemberId).replace(/\[\w+\]/g, PLACEHOLDER_ID);
    const response = await viewerPage.request.fetch(url, { method, data: {} });
    expect(response.status(), `${method} ${path}`).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message, `${method} ${path}`).toMatch(/Viewers can look|permission/);
  }

  // The listed exceptions really are open to a viewer (otherwise they belong in the sweep).
  const read = await viewerPage.request.post(`/api/orgs/${owner.orgSlug}/notifications/read`, { data: {} });
  expect(read.status()).toBeLessThan(300);
  const org = (await (await ownerPage.request.get(`/api/orgs/${owner.orgSlug}`)).json()) as { organization: { name: string } };
  expect(org.organization.name).toBe("Sweep Co");
});
