import { createAccount, expect, pageFor, PASSWORD, test, uniqueEmail } from "./support/fixtures";

test.describe("team", () => {
  test("an owner invites a member who joins through the link; roles change and members are removed", async ({ browser, request }) => {
    const owner = await createAccount(request, { label: "team-owner", organizationName: "Team Co" });
    const ownerPage = await pageFor(browser, owner);
    await ownerPage.goto(`/${owner.orgSlug}/team`);
    await expect(ownerPage.getByRole("table", { name: "Members" })).toContainText(owner.email);

    const inviteeEmail = uniqueEmail("invitee");
    await ownerPage.getByRole("button", { name: "Invite member" }).click();
    await ownerPage.getByLabel("Email").fill(inviteeEmail);
    await ownerPage.getByLabel("Role", { exact: true }).selectOption("ADMIN");
    await ownerPage.getByRole("button", { name: "Create invitation" }).click();
    const link = await ownerPage.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await ownerPage.getByRole("button", { name: "Done" }).click();
    await expect(ownerPage.getByRole("list", { name: "Pending invitations" })).toContainText(inviteeEmail);

    // The invitee opens the link signed out, creates an account and lands in the organization.
    const inviteeContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
    const invitee = await inviteeContext.newPage();
    await invitee.goto(new URL(link).pathname);
    await expect(invitee.getByRole("heading", { name: "Join Team Co" })).toBeVisible();
    await invitee.getByRole("link", { name: "Create account" }).click();
    await expect(invitee.getByLabel("Email")).toHaveValue(inviteeEmail);
    await expect(invitee.getByLabel("Organization name")).toHaveCount(0);
    await invitee.getByLabel("Password").fill(PASSWORD);
    await invitee.getByRole("button", { name: "Create account" }).click();
    await expect(invitee).toHaveURL(new RegExp(`/${owner.orgSlug}/overview$`));

    // The link works once.
    await invitee.goto(new URL(link).pathname);
    await expect(invitee.getByText("This invitation has already been used.")).toBeVisible();

    // Only owners see the audit log: the new admin is refused it by the server, and the page hides it.
    expect((await invitee.request.get(`/api/orgs/${owner.orgSlug}/audit`)).status()).toBe(403);
    await invitee.goto(`/${owner.orgSlug}/team`);
    await expect(invitee.getByRole("table", { name: "Members" })).toBeVisible();
    await expect(invitee.getByRole("table", { name: "Audit log" })).toHaveCount(0);

    // The owner demotes the new admin to viewer; the change applies to the viewer's next request.
    await ownerPage.reload();
    await ownerPage.getByLabel(`Role of ${inviteeEmail}`).selectOption("VIEWER");
    await expect(ownerPage.getByText(`${inviteeEmail} is now Viewer.`)).toBeVisible();
    await invitee.goto(`/${owner.orgSlug}/team`);
    await expect(invitee.getByText("View only")).toBeVisible();
    await expect(invitee.getByRole("button", { name: "Invite member" })).toHaveCount(0);

    // The owner removes the member: their access ends at once.
    await ownerPage.getByRole("button", { name: `Remove ${inviteeEmail}` }).click();
    await ownerPage.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
    await expect(ownerPage.getByText(`${inviteeEmail} was removed.`)).toBeVisible();
    const after = await invitee.request.get(`/api/orgs/${owner.orgSlug}/members`);
    expect(after.status()).toBe(404);
    await invitee.goto(`/${owner.orgSlug}/overview`);
    await expect(invitee.getByRole("heading", { name: "Page not found" })).toBeVisible();

    // The owner's audit log tells the whole story, newest first.
    await ownerPage.reload();
    const audit = ownerPage.getByRole("table", { name: "Audit log" });
    await expect(audit).toContainText(`Removed ${inviteeEmail} from the organization.`);
    await expect(audit).toContainText(`Changed ${inviteeEmail}'s role from admin to viewer.`);
    await expect(audit).toContainText(`${inviteeEmail} joined as admin through an invitation.`);
    await expect(audit).toContainText(`Invited ${inviteeEmail} as admin.`);
  });

  test("viewers are refused every write by the server", async ({ browser, request }) => {
    const owner = await createAccount(request, { label: "vw-owner", organizationName: "Viewer Co" });
    const ownerPage = await pageFor(browser, owner);
    const viewerEmail = uniqueEmail("viewer");
    const invite = await ownerPage.request.post(`/api/orgs/${owner.orgSlug}/invitations`, { data: { email: viewerEmail, role: "VIEWER" } });
    expect(invite.status()).toBe(201);
    const { url } = (await invite.json()) as { url: string };
    const token = url.split("/").pop()!;
    const viewer = await createAccount(request, { label: "viewer", email: viewerEmail, invitationToken: token });
    const viewerPage = await pageFor(browser, { ...viewer, orgSlug: owner.orgSlug });

    const members = (await (await viewerPage.request.get(`/api/orgs/${owner.orgSlug}/members`)).json()) as { members: { id: string; email: string }[] };
    const ownerMember = members.members.find((m) => m.email === owner.email)!;
    const writes = [
      viewerPage.request.post(`/api/orgs/${owner.orgSlug}/invitations`, { data: { email: uniqueEmail("x"), role: "ADMIN" } }),
      viewerPage.request.patch(`/api/orgs/${owner.orgSlug}/members/${ownerMember.id}`, { data: { role: "VIEWER" } }),
      viewerPage.request.delete(`/api/orgs/${owner.orgSlug}/members/${ownerMember.id}`),
      viewerPage.request.patch(`/api/orgs/${owner.orgSlug}`, { data: { name: "Hijacked" } }),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.status()).toBe(403);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain("Viewers can look");
    }
    const org = (await (await ownerPage.request.get(`/api/orgs/${owner.orgSlug}`)).json()) as { organization: { name: string } };
    expect(org.organization.name).toBe("Viewer Co");

    await viewerPage.goto(`/${owner.orgSlug}/settings`);
    await expect(viewerPage.getByText("Viewers can look but not change anything.")).toBeVisible();
    await expect(viewerPage.getByLabel("Name")).toBeDisabled();
  });

  test("the last owner cannot be demoted or removed", async ({ browser, request }) => {
    const owner = await createAccount(request, { label: "last-owner", organizationName: "Last Owner Co" });
    const page = await pageFor(browser, owner);
    const members = (await (await page.request.get(`/api/orgs/${owner.orgSlug}/members`)).json()) as { members: { id: string }[] };
    const self = members.members[0]!;
    const demote = await page.request.patch(`/api/orgs/${owner.orgSlug}/members/${self.id}`, { data: { role: "ADMIN" } });
    expect(demote.status()).toBe(409);
    const leave = await page.request.delete(`/api/orgs/${owner.orgSlug}/members/${self.id}`);
    expect(leave.status()).toBe(409);
    expect(((await leave.json()) as { error: { message: string } }).error.message).toContain("at least one owner");
  });

  test("a user belongs to several organizations and switches between them", async ({ browser, request }) => {
    const owner = await createAccount(request, { label: "multi", organizationName: "First Org" });
    const page = await pageFor(browser, owner);
    await page.goto(`/${owner.orgSlug}/overview`);
    await page.getByRole("button", { name: /Switch organization/ }).click();
    await page.getByRole("menuitem", { name: "New organization" }).click();
    await page.getByLabel("Organization name").fill("Second Org");
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(page).toHaveURL(/\/second-org-[0-9a-f]{6}\/overview$/);
    await expect(page.getByRole("button", { name: /Organization: Second Org/ })).toBeVisible();

    await page.getByRole("button", { name: /Switch organization/ }).click();
    await page.getByRole("menuitem", { name: "First Org" }).click();
    await expect(page).toHaveURL(new RegExp(`/${owner.orgSlug}/overview$`));
    await expect(page.getByRole("button", { name: /Organization: First Org/ })).toBeVisible();
  });
});
