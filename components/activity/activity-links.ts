import type { ActivityEntryView } from "./use-activity";

// Where an entry's subject lives in the app, by subject type. Features add their subjects here.
const subjectLinks: Record<string, (slug: string, id: string) => string> = {
  connection: (slug) => `/${slug}/connections`,
  mappingBatch: (slug) => `/${slug}/products?tab=mapped`,
  tiktokProduct: (slug, id) => `/${slug}/products/${id}`,
  order: (slug, id) => `/${slug}/orders?order=${id}`,
  // Fulfillment entries name the TikTok order id (they may precede Ferry's own order row).
  tiktokOrder: (slug, id) => `/${slug}/orders?q=${encodeURIComponent(id)}`,
};

const subjectLabels: Record<string, string> = { connection: "Connections", mappingBatch: "Products", tiktokProduct: "Product", order: "Order", tiktokOrder: "Order" };

/** The link to an entry's product, order or store, or null when it has none. */
export function activityLink({ slug, entry }: { slug: string; entry: Pick<ActivityEntryView, "subjectType" | "subjectId"> }): { href: string; label: string } | null {
  if (!entry.subjectType || !entry.subjectId) return null;
  const link = subjectLinks[entry.subjectType];
  return link ? { href: link(slug, entry.subjectId), label: subjectLabels[entry.subjectType] ?? "Open" } : null;
}
