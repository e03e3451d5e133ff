"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { EffectiveSettings, SectionKey } from "@/lib/settings/registry";
import { useOrg } from "../shell/org-role-context";
import { ErrorState } from "../ui/error-state";
import { Select } from "../ui/select";
import { Spinner } from "../ui/spinner";
import { SectionCard } from "./section-card";
import { sectionForms } from "./sections/section-forms";
import type { SectionFormProps } from "./sections/section-form-props";
import { useSettings, useUpdateSettings } from "./use-settings";

const ORGANIZATION = "";

/** Sync settings: the organization's defaults, and any TikTok shop's own sections. */
export function SyncSettingsPanel() {
  const { slug, canWrite } = useOrg();
  const settings = useSettings(slug);
  const update = useUpdateSettings(slug);
  const [scope, setScope] = useState(ORGANIZATION);

  if (settings.isPending) return <Spinner label="Loading settings" />;
  if (settings.isError) return <ErrorState message={settings.error.message} onRetry={() => settings.refetch()} />;
  const shop = settings.data.shops.find((s) => s.tiktokConnectionId === scope) ?? null;
  const values = shop?.settings ?? settings.data.organization;

  function save<K extends SectionKey>(section: K, value: EffectiveSettings[K] | null, confirmation?: unknown) {
    update.mutate(
      { tiktokConnectionId: shop?.tiktokConnectionId ?? null, section, value, confirmation },
      { onSuccess: () => toast.success("Settings saved."), onError: (error) => toast.error(error.message) },
    );
  }

  return (
    <section aria-labelledby="sync-settings-title" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="sync-settings-title" className="text-lg font-semibold text-slate-900">
            Sync settings
          </h2>
          <p className="text-sm text-slate-600">Defaults for every TikTok shop; a shop can set any section for itself.</p>
        </div>
        <label className="text-sm text-slate-700">
          <span className="mr-2">Settings for</span>
          <Select aria-label="Settings for" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value={ORGANIZATION}>All shops (organization defaults)</option>
            {settings.data.shops.map((s) => (
              <option key={s.tiktokConnectionId} value={s.tiktokConnectionId}>
                {s.name}
                {s.shopify ? ` → ${s.shopify.name}` : ""}
              </option>
            ))}
          </Select>
        </label>
      </div>
      {settings.data.sections
        .filter((section) => (shop ? true : !section.shopOnly))
        .map((section) => {
          const key = section.key;
          const { description, Form } = sectionForms[key] as { description: string; Form: React.ComponentType<SectionFormProps<typeof key>> };
          const inherited = shop ? !shop.ownSections.includes(key) : false;
          return (
            <SectionCard
              key={`${scope}:${key}:${inherited}`}
              title={section.title}
              description={description}
              inherit={shop && !section.shopOnly ? { inherited, disabled: !canWrite || update.isPending, onChange: (inherit) => save(key, inherit ? null : values[key]) } : undefined}
            >
              <Form
                key={`${scope}:${key}:${JSON.stringify(values[key])}`}
                value={values[key]}
                shop={shop}
                disabled={!canWrite || inherited}
                saving={update.isPending}
                onSave={(value, confirmation) => save(key, value, confirmation)}
              />
            </SectionCard>
          );
        })}
    </section>
  );
}
