import { log } from "../log";
import { settingsSections, type EffectiveSettings, type SectionKey } from "./registry";

export type StoredSections = Partial<{ [K in SectionKey]: EffectiveSettings[K] }>;

/**
 * The sections present in a stored settings document, each parsed by its schema (older documents
 * gain new fields' defaults). A section that no longer parses is left out, so the level above it
 * applies, and logged: a bad document must not stop every sync.
 */
export function readStoredSections(document: unknown): StoredSections {
  const stored = typeof document === "object" && document !== null ? (document as Record<string, unknown>) : {};
  const sections: Record<string, unknown> = {};
  for (const section of settingsSections) {
    if (stored[section.key] === undefined) continue;
    const parsed = section.schema.safeParse(stored[section.key]);
    if (parsed.success) sections[section.key] = parsed.data;
    else log.warn("settings.section_unreadable", { section: section.key, issues: parsed.error.issues.length });
  }
  return sections as StoredSections;
}

/** A shop's settings: its own sections, else the organization's, else the defaults. */
export function mergeSettings({ organization, shop }: { organization: StoredSections; shop: StoredSections }): EffectiveSettings {
  const merged: Record<string, unknown> = {};
  for (const section of settingsSections) {
    merged[section.key] = shop[section.key] ?? (section.shopOnly ? undefined : organization[section.key]) ?? section.schema.parse({});
  }
  return merged as EffectiveSettings;
}
