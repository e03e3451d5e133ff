import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OrgContext } from "../auth/org-access";
import { resolveOrgAccess } from "../auth/org-access";
import type { Role } from "../auth/roles";
import { signUp } from "../auth/sign-up";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { acceptInvitation, getInvitation } from "./accept-invitation";
import { changeMemberRole } from "./change-member-role";
import { inviteMember } from "./invite-member";
import { removeMember } from "./remove-member";
import { revokeInvitation } from "./revoke-invitation";

const PASSWORD = "river stone lantern 42";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function owner(email = "owner@example.test") {
  const { userId, organizationSlug } = await signUp({ email, password: PASSWORD, organizationName: "Acme" });
  return resolveOrgAccess({ slug: organizationSlug, userId });
}

/** Adds a member with a role through the real invitation flow; returns their context and membership id. */
async function join(org: OrgContext, email: string, role: Role) {
  const { url } = await inviteMember({ org: { ...org, role: "OWNER" }, input: { email, role } });
  const token = url.split("/").pop()!;
  const { userId } = await signUp({ email, password: PASSWORD, invitationToken: token });
  const ctx = await resolveOrgAccess({ slug: org.organizationSlug, userId });
  const membership = await testDb.membership.findFirstOrThrow({ where: { userId, organizationId: org.organizationId } });
  return { ctx, memberId: membership.id, token };
}

async function memberIdOf(ctx: OrgContext) {
  return (await testDb.membership.findFirstOrThrow({ where: { userId: ctx.userId, organizationId: ctx.organizationId } })).id;
}

describe("invitations", () => {
  it("stores only a hash of the link's token, and the link works once", async () => {
    const org = await owner();
    const { url } = await inviteMember({ org, input: { email: "new@example.test", role: "ADMIN" } });
    const token = url.split("/").pop()!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\//);
    const stored = await testDb.invitation.findFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);
    expect(await getInvitation({ token })).toMatchObject({ email: "new@example.test", role: "ADMIN", organizationName: "Acme", status: "pending" });

    const { userId } = await signUp({ email: "new@example.test", password: PASSWORD, invitationToken: token });
    expect((await resolveOrgAccess({ slug: org.organizationSlug, userId })).role).toBe("ADMIN");
    await expect(acceptInvitation({ token, userId, userEmail: "new@example.test" })).rejects.toMatchObject({ code: "GONE" });
    expect((await getInvitation({ token })).status).toBe("accepted");
  });

  it("refuses an account with another email, a revoked link and an expired one", async () => {
    const org = await owner();
    const other = await signUp({ email: "other@example.test", password: PASSWORD, organizationName: "Other" });
    const first = await inviteMember({ org, input: { email: "invitee@example.test", role: "VIEWER" } });
    const firstToken = first.url.split("/").pop()!;
    await expect(acceptInvitation({ token: firstToken, userId: other.userId, userEmail: "other@example.test" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await revokeInvitation({ org, invitationId: first.invitation.id });
    expect((await getInvitation({ token: firstToken })).status).toBe("revoked");

    const second = await inviteMember({ org, input: { email: "invitee@example.test", role: "VIEWER" } });
    await testDb.invitation.update({ where: { id: second.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(signUp({ email: "invitee@example.test", password: PASSWORD, invitationToken: second.url.split("/").pop()! })).rejects.toMatchObject({
      code: "GONE",
    });
    // The failed sign-up left no account behind.
    expect(await testDb.user.count({ where: { email: "invitee@example.test" } })).toBe(0);
  });

  it("a new invitation for the same email replaces the pending one", async () => {
    const org = await owner();
    const first = await inviteMember({ org, input: { email: "x@example.test", role: "VIEWER" } });
    await inviteMember({ org, input: { email: "x@example.test", role: "ADMIN" } });
    expect((await getInvitation({ token: first.url.split("/").pop()! })).status).toBe("revoked");
  });

  it("refuses to invite an existing member, and only owners invite owners", async () => {
    const org = await owner();
    await expect(inviteMember({ org, input: { email: "owner@example.test", role: "ADMIN" } })).rejects.toMatchObject({ code: "CONFLICT" });
    const admin = await join(org, "admin@example.test", "ADMIN");
    await expect(inviteMember({ org: admin.ctx, input: { email: "boss@example.test", role: "OWNER" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("cannot revoke another organization's invitation", async () => {
    const a = await owner("a@example.test");
    const b = await owner("b@example.test");
    const invite = await inviteMember({ org: b, input: { email: "x@example.test", role: "VIEWER" } });
    await expect(revokeInvitation({ org: a, invitationId: invite.invitation.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getInvitation({ token: invite.url.split("/").pop()! })).status).toBe("pending");
  });
});

describe("roles and removal", () => {
  it("the last owner can be neither demoted nor removed", async () => {
    const org = await owner();
    const self = await memberIdOf(org);
    await expect(changeMemberRole({ org, memberId: self, role: "ADMIN" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(removeMember({ org, memberId: self })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("admins manage admins and viewers but not owners", async () => {
    const org = await owner();
    const admin = await join(org, "admin@example.test", "ADMIN");
    const viewer = await join(org, "viewer@example.test", "VIEWER");
    await expect(changeMemberRole({ org: admin.ctx, memberId: viewer.memberId, role: "ADMIN" })).resolves.toMatchObject({ role: "ADMIN" });
    await expect(changeMemberRole({ org: admin.ctx, memberId: viewer.memberId, role: "OWNER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeMemberRole({ org: admin.ctx, memberId: await memberIdOf(org), role: "VIEWER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember({ org: admin.ctx, memberId: await memberIdOf(org) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeMember({ org: admin.ctx, memberId: viewer.memberId });
    await expect(resolveOrgAccess({ slug: org.organizationSlug, userId: viewer.ctx.userId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a viewer may leave but not remove anyone else", async () => {
    const org = await owner();
    const viewer = await join(org, "viewer@example.test", "VIEWER");
    const other = await join(org, "other@example.test", "VIEWER");
    await expect(removeMember({ org: viewer.ctx, memberId: other.memberId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeMember({ org: viewer.ctx, memberId: viewer.memberId });
    expect(await testDb.membership.count({ where: { organizationId: org.organizationId } })).toBe(2);
  });

  it("a demotion takes effect on the next request", async () => {
    const org = await owner();
    const admin = await join(org, "admin@example.test", "ADMIN");
    await changeMemberRole({ org, memberId: admin.memberId, role: "VIEWER" });
    await expect(resolveOrgAccess({ slug: org.organizationSlug, userId: admin.ctx.userId, minRole: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("two owners demoting each other at the same time leave one owner", async () => {
    const org = await owner();
    const second = await join(org, "second@example.test", "OWNER");
    const results = await Promise.allSettled([
      changeMemberRole({ org, memberId: second.memberId, role: "ADMIN" }),
      changeMemberRole({ org: second.ctx, memberId: await memberIdOf(org), role: "ADMIN" }),
    ]);
    const owners = await testDb.membership.count({ where: { organizationId: org.organizationId, role: "OWNER" } });
    expect(owners).toBe(1);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
  });

  it("a member id from another organization is not found", async () => {
    const a = await owner("a@example.test");
    const b = await owner("b@example.test");
    const bMember = await join(b, "bm@example.test", "VIEWER");
    await expect(changeMemberRole({ org: a, memberId: bMember.memberId, role: "ADMIN" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeMember({ org: a, memberId: bMember.memberId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("audit log", () => {
  it("records each administrative action with its actor, for that organization only", async () => {
    const org = await owner();
    const other = await owner("other-owner@example.test");
    const { memberId, ctx } = await join(org, "ann@example.test", "VIEWER");
    await changeMemberRole({ org, memberId, role: "ADMIN" });
    // No change, no entry.
    await changeMemberRole({ org, memberId, role: "ADMIN" });
    const pending = await inviteMember({ org, input: { email: "bob@example.test", role: "VIEWER" } });
    await revokeInvitation({ org, invitationId: pending.invitation.id });
    await removeMember({ org: ctx, memberId });
    const entries = await testDb.auditEntry.findMany({ where: { organizationId: org.organizationId }, orderBy: { createdAt: "asc" }, select: { actorEmail: true, action: true, summary: true } });
    expect(entries).toEqual([
      { actorEmail: "owner@example.test", action: "member.invited", summary: "Invited ann@example.test as viewer." },
      { actorEmail: "ann@example.test", action: "member.joined", summary: "ann@example.test joined as viewer through an invitation." },
      { actorEmail: "owner@example.test", action: "member.role_changed", summary: "Changed ann@example.test's role from viewer to admin." },
      { actorEmail: "owner@example.test", action: "member.invited", summary: "Invited bob@example.test as viewer." },
      { actorEmail: "owner@example.test", action: "invitation.revoked", summary: "Withdrew the invitation for bob@example.test." },
      { actorEmail: "ann@example.test", action: "member.left", summary: "ann@example.test left the organization." },
    ]);
    expect(await testDb.auditEntry.count({ where: { organizationId: other.organizationId } })).toBe(0);
  });

  it("writes no entry when the action is refused", async () => {
    const org = await owner();
    const self = await memberIdOf(org);
    await expect(changeMemberRole({ org, memberId: self, role: "ADMIN" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(revokeInvitation({ org, invitationId: "cmwy00000000000000000000z" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.auditEntry.count()).toBe(0);
  });
});
