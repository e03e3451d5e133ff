import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDbClient } from "../db";
import { pairedStores } from "../mapping/catalog-fixtures";
import { resetDatabase, testDb } from "../testing/db";
import { getSettingsOverview } from "./get-settings-overview";
import { getShopSettings } from "./get-shop-settings";
import { updateSettings, updateSettingsSchema, type UpdateSettingsInput } from "./update-settings";

beforeAll(() => setDbClient(testDb));
beforeEach(() => resetDatabase());

async function tenant() {
  const stores = await pairedStores(testDb);
  const org = { ...stores.org, organizationSlug: "x", organizationName: "x", role: "ADMIN" as const };
  return { ...stores, org, save: (input: UpdateSettingsInput) => updateSettings({ org, input }) };
}

describe("settings", () => {
  it("a shop inherits the organization's defaults until it sets a section, and can go back", async () => {
    const t = await tenant();
    const shop = { organizationId: t.organizationId, tiktokConnectionId: t.tiktokConnectionId };
    expect((await getShopSettings(shop)).mapping).toEqual({ autoMapNewProducts: false });

    await t.save({ tiktokConnectionId: null, section: "mapping", value: { autoMapNewProducts: true } });
    expect((await getShopSettings(shop)).mapping.autoMapNewProducts).toBe(true);

    await t.save({ tiktokConnectionId: t.tiktokConnectionId, section: "mapping", value: { autoMapNewProducts: false } });
    expect((await getShopSettings(shop)).mapping.autoMapNewProducts).toBe(false);
    const overview = await getSettingsOverview({ organizationId: t.organizationId });
    expect(overview.organization.mapping.autoMapNewProducts).toBe(true);
    expect(overview.shops).toEqual([expect.objectContaining({ tiktokConnectionId: t.tiktokConnectionId, ownSections: ["mapping"], settings: expect.objectContaining({ mapping: { autoMapNewProducts: false } }) })]);

    await t.save({ tiktokConnectionId: t.tiktokConnectionId, section: "mapping", value: null });
    expect((await getShopSettings(shop)).mapping.autoMapNewProducts).toBe(true);
    expect((await getSettingsOverview({ organizationId: t.organizationId })).shops[0]!.ownSections).toEqual([]);
    const activity = await testDb.activityEntry.findMany({ orderBy: { createdAt: "asc" }, select: { type: true, message: true } });
    expect(activity.map((a) => a.message)).toEqual([
      "Mapping settings for the organization were changed.",
      "Mapping settings for Shop were changed.",
      "Mapping settings for Shop now follow the organization's defaults.",
    ]);
  });

  it("fills in defaults for sections stored without newer fields, and ignores an unreadable section", async () => {
    const t = await tenant();
    await testDb.organizationSettings.create({ data: { organizationId: t.organizationId, settings: { mapping: {} } } });
    await testDb.shopSettings.create({ data: { tiktokConnectionId: t.tiktokConnectionId, organizationId: t.organizationId, settings: { mapping: { autoMapNewProducts: "yes" } } } });
    expect((await getShopSettings({ organizationId: t.organizationId, tiktokConnectionId: t.tiktokConnectionId })).mapping).toEqual({ autoMapNewProducts: false });
  });

  const bad: { name: string; input: unknown; code: string }[] = [
    { name: "an unknown section", input: { tiktokConnectionId: null, section: "nope", value: {} }, code: "ZodError" },
    { name: "an unknown field (a typo)", input: { tiktokConnectionId: null, section: "mapping", value: { autoMapNewProduct: true } }, code: "ZodError" },
    { name: "a wrong type", input: { tiktokConnectionId: null, section: "mapping", value: { autoMapNewProducts: "yes" } }, code: "ZodError" },
    { name: "inheriting at the organization level", input: { tiktokConnectionId: null, section: "mapping", value: null }, code: "BAD_REQUEST" },
    { name: "an unknown shop", input: { tiktokConnectionId: "cmwy00000000000000000000z", section: "mapping", value: { autoMapNewProducts: true } }, code: "NOT_FOUND" },
    { name: "an extra top-level key", input: { tiktokConnectionId: null, section: "mapping", value: {}, organizationId: "other" }, code: "ZodError" },
  ];

  it.each(bad)("refuses $name and changes nothing", async ({ input, code }) => {
    const t = await tenant();
    const error = (await (async () => t.save(updateSettingsSchema.parse(input)))().then(
      () => ({ code: "saved" }),
      (e: unknown) => e,
    )) as { code?: string; name?: string };
    expect(error.code ?? error.name).toBe(code);
    expect(await testDb.organizationSettings.count()).toBe(0);
    expect(await testDb.shopSettings.count()).toBe(0);
    expect(await testDb.activityEntry.count()).toBe(0);
  });

  it("never reads or writes another organization's shop", async () => {
    const mine = await tenant();
    const theirs = await tenant();
    await theirs.save({ tiktokConnectionId: theirs.tiktokConnectionId, section: "mapping", value: { autoMapNewProducts: true } });
    await expect(mine.save({ tiktokConnectionId: theirs.tiktokConnectionId, section: "mapping", value: { autoMapNewProducts: false } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getShopSettings({ organizationId: mine.organizationId, tiktokConnectionId: theirs.tiktokConnectionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getShopSettings({ organizationId: theirs.organizationId, tiktokConnectionId: theirs.tiktokConnectionId })).mapping.autoMapNewProducts).toBe(true);
    expect((await getSettingsOverview({ organizationId: mine.organizationId })).shops.map((s) => s.tiktokConnectionId)).toEqual([mine.tiktokConnectionId]);
  });
});
