import type { ComponentType } from "react";
import type { SectionKey } from "@/lib/settings/registry";
import { MappingSectionForm } from "./mapping-section-form";
import { OrderSectionForm } from "./order-section-form";
import { ProductSyncSectionForm } from "./product-sync-section-form";
import type { SectionFormProps } from "./section-form-props";

// The form of every settings section (lib/settings/registry.ts), with the words above it.
export const sectionForms: { [K in SectionKey]: { description: string; Form: ComponentType<SectionFormProps<K>> } } = {
  mapping: { description: "What happens to TikTok products that arrive after the first import.", Form: MappingSectionForm },
  productSync: { description: "Keep TikTok listings up to date from Shopify: which fields, with which price and inventory rules.", Form: ProductSyncSectionForm },
  orders: { description: "How TikTok orders become Shopify orders: the hold window, masked buyers, stock, samples and replacements.", Form: OrderSectionForm },
};
