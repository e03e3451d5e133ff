import type { z } from "zod";
import { mappingSettings } from "./sections/mapping-settings";
import { orderSettings } from "./sections/order-settings";
import { productSyncSettings } from "./sections/product-sync-settings";

// Every settings section, in the order the Settings page shows them. A feature adds its section here.
export const settingsSections = [mappingSettings, productSyncSettings, orderSettings] as const;

type Section = (typeof settingsSections)[number];
export type SectionKey = Section["key"];
export type SectionValue<K extends SectionKey> = z.infer<Extract<Section, { key: K }>["schema"]>;
export type EffectiveSettings = { [K in SectionKey]: SectionValue<K> };

export function sectionOf<K extends SectionKey>(key: K): Extract<Section, { key: K }> {
  return settingsSections.find((section) => section.key === key) as Extract<Section, { key: K }>;
}
