import type { EffectiveSettings, SectionKey } from "@/lib/settings/registry";
import type { SettingsOverview } from "../use-settings";

/** What every section's form gets from the Settings page. */
export interface SectionFormProps<K extends SectionKey> {
  value: EffectiveSettings[K];
  /** The shop whose settings these are; null for the organization's defaults. */
  shop: SettingsOverview["shops"][number] | null;
  disabled: boolean;
  saving: boolean;
  /** Saves the whole section; `confirmation` is passed to the section's server-side check. */
  onSave: (value: EffectiveSettings[K], confirmation?: unknown) => void;
}
