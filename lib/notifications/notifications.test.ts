import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { resetDatabase, testDb } from "../testing/db";
import { listNotifications } from "./list-notifications";
import { markNotificationsRead } from "./mark-notifications-read";
import { raiseNotification } from "./raise-notification";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function member(orgName: string, joinedAt = new Date(Date.now() - 60_000)) {
  const user = await testDb.user.create({ data: { email: `${orgName}-${Math.random()}@example.test` } });
  const organization = await testDb.organization.create({ data: { name: orgName, slug: `${orgName}-${Math.random().toString(36).slice(2, 8)}` } });
  await testDb.membership.create({ data: { organizationId: organization.id, userId: user.id, role: "VIEWER", createdAt: joinedAt } });
  return { organizationId: organization.id, userId: user.id };
}
const list = (who: { organizationId: string; userId: string }) => listNotifications({ ...who, query: { limit: 20 } });

describe("notifications", () => {
  it("counts unread per member, marks read, and raises a deduplicated key once", async () => {
    const alice = await member("acme");
    await raiseNotification({ organizationId: alice.organizationId, kind: "mapping.archived", level: "WARNING", title: "2 mappings archived", body: "A variant was deleted.", href: "/acme/products", dedupeKey: "k1" });
    await raiseNotification({ organizationId: alice.organizationId, kind: "mapping.archived", title: "again", body: "again", dedupeKey: "k1" });
    const first = await list(alice);
    expect(first.unread).toBe(1);
    expect(first.notifications).toEqual([expect.objectContaining({ title: "2 mappings archived", level: "WARNING", href: "/acme/products", unread: true })]);

    await markNotificationsRead(alice);
    expect((await list(alice)).unread).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await raiseNotification({ organizationId: alice.organizationId, kind: "x", title: "Later", body: "b" });
    const later = await list(alice);
    expect(later.unread).toBe(1);
    expect(later.notifications.map((n) => [n.title, n.unread])).toEqual([["Later", true], ["2 mappings archived", false]]);
  });

  it("shows one organization's notifications to its members only", async () => {
    const alice = await member("acme");
    const bob = await member("bravo");
    await raiseNotification({ organizationId: alice.organizationId, kind: "x", title: "Acme only", body: "b", dedupeKey: "same" });
    // The same dedupe key in another organization is another notification.
    await raiseNotification({ organizationId: bob.organizationId, kind: "x", title: "Bravo only", body: "b", dedupeKey: "same" });
    expect((await list(alice)).notifications.map((n) => n.title)).toEqual(["Acme only"]);
    expect((await list(bob)).notifications.map((n) => n.title)).toEqual(["Bravo only"]);
  });

  it("does not count what was raised before a member joined as unread", async () => {
    const early = await member("acme");
    await raiseNotification({ organizationId: early.organizationId, kind: "x", title: "Old", body: "b" });
    const user = await testDb.user.create({ data: { email: `late-${Math.random()}@example.test` } });
    await testDb.membership.create({ data: { organizationId: early.organizationId, userId: user.id, role: "ADMIN" } });
    expect((await list({ organizationId: early.organizationId, userId: user.id })).unread).toBe(0);
    expect((await list(early)).unread).toBe(1);
  });
});
