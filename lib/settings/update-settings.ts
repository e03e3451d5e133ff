import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { OrgContext } from "../auth/org-access";
import { db, type Prisma } from "../db";
import { badRequest, notFound } from "../errors";
import { mergeSettings, readStoredSections } from "./read-settings";
import { sectionOf, settingsSections, type EffectiveSettings, type SectionKey } from "./registry";

const sectionKeys = settingsSections.map((section) => section.key) as [SectionKey, ...SectionKey[]];

export const updateSettingsSchema = z
  .object({
    /** A TikTok shop's id, or null for the organization's defaults. */
    tiktokConnectionId: z.string().min(1).max(40).nullable(),
    section: z.enum(sectionKeys),
    /** The whole section; null (shops only) goes back to the organization's defaults. */
    value: z.record(z.string(), z.unknown()).nullable(),
    confirmation: z.unknown().optional(),
  })
  .strict();

export type UpdateSettingsInput = z.infer<typeof updateSettingsSchema>;

export interface UpdateSettingsOptions {
  org: OrgContext;
  input: UpdateSettingsInput;
}

/**
 * Saves one section of the organization's defaults or of one shop's settings. The value is checked
 * against the section's schema (unknown fields refused, so a typo is an error, not a silent no-op),
 * then the section's own check runs on the change, under a lock on the settings row so two members
 * saving at once apply one after the other. Writes an Activity entry.
 */
export async function updateSettings({ org, input }: UpdateSettingsOptions) {
  const { organizationId } = org;
  const section = sectionOf(input.section);
  const scope = input.tiktokConnectionId;
  if (scope === null && input.value === null) throw badRequest("The organization's defaults cannot inherit from anything: send the section's values.");
  if (scope === null && section.shopOnly) throw badRequest(`${section.title} settings belong to one TikTok shop: choose the shop.`);
  const value = input.value === null ? null : (section.schema.strict().parse(input.value) as EffectiveSettings[SectionKey]);

  const saved = await db().$transaction(async (tx) => {
    const shop = scope === null ? null : await tx.connection.findFirst({ where: { id: scope, organizationId, platform: "TIKTOK" }, select: { id: true, name: true } });
    if (scope !== null && !shop) throw notFound("TikTok shop not found.");
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`settings:${organizationId}`}))`;
    const orgRow = await tx.organizationSettings.findUnique({ where: { organizationId }, select: { settings: true } });
    const shopRow = shop ? await tx.shopSettings.findUnique({ where: { tiktokConnectionId: shop.id }, select: { settings: true } }) : null;
    const orgSections = readStoredSections(orgRow?.settings);
    const shopSections = readStoredSections(shopRow?.settings);
    const previous = shop ? mergeSettings({ organization: orgSections, shop: shopSections }) : mergeSettings({ organization: orgSections, shop: {} });
    const nextShopSections = { ...shopSections, [section.key]: value ?? undefined };
    const next = shop ? mergeSettings({ organization: orgSections, shop: nextShopSections }) : mergeSettings({ organization: { ...orgSections, [section.key]: value ?? undefined }, shop: {} });
    const change = { organizationId, tiktokConnectionId: shop?.id ?? null, previous: previous[section.key] as never, next: next[section.key] as never };
    await section.beforeSave?.({ ...change, confirmation: input.confirmation, tx });

    const document = (raw: unknown) => ({ ...((typeof raw === "object" && raw) || {}) }) as Record<string, unknown>;
    if (shop) {
      const stored = document(shopRow?.settings);
      if (value === null) delete stored[section.key];
      else stored[section.key] = value;
      const settings = stored as Prisma.InputJsonObject;
      await tx.shopSettings.upsert({
        where: { tiktokConnectionId: shop.id },
        create: { tiktokConnectionId: shop.id, organizationId, settings, updatedById: org.userId },
        update: { settings, updatedById: org.userId },
      });
    } else {
      const settings = { ...document(orgRow?.settings), [section.key]: value } as Prisma.InputJsonObject;
      await tx.organizationSettings.upsert({ where: { organizationId }, create: { organizationId, settings, updatedById: org.userId }, update: { settings, updatedById: org.userId } });
    }
    const where = shop ? `for ${shop.name}` : "for the organization";
    await recordAudit({
      tx,
      organizationId,
      actorUserId: org.userId,
      action: "settings.updated",
      target: shop ? { type: "connection", id: shop.id } : { type: "organization", id: organizationId },
      summary: value === null ? `${section.title} settings ${where} set to follow the organization's defaults.` : `Changed the ${section.title.toLowerCase()} settings ${where}.`,
    });
    await tx.activityEntry.create({
      data: {
        organizationId,
        connectionId: shop?.id,
        type: "settings.updated",
        level: "INFO",
        message: value === null ? `${section.title} settings ${where} now follow the organization's defaults.` : `${section.title} settings ${where} were changed.`,
        subjectType: shop ? "connection" : "organization",
        subjectId: shop?.id ?? organizationId,
        data: { section: section.key, by: org.userId },
      },
    });
    return { change, result: { section: section.key, tiktokConnectionId: shop?.id ?? null, settings: next[section.key] } };
  });
  await section.afterSave?.(saved.change);
  return saved.result;
}
