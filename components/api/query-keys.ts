// Key factories: every react-query key in the app is built here, so invalidations cannot drift.

export interface ActivityFilters {
  level?: string;
  domain?: string;
  connectionId?: string;
  from?: string;
  to?: string;
}
export const accountKeys = {
  all: ["account"] as const,
  organizations: () => [...accountKeys.all, "organizations"] as const,
};

export const orgKeys = {
  all: (org: string) => ["org", org] as const,
  detail: (org: string) => [...orgKeys.all(org), "detail"] as const,
  team: (org: string) => [...orgKeys.all(org), "team"] as const,
  activity: (org: string, filters: ActivityFilters = {}) => [...orgKeys.all(org), "activity", filters] as const,
  audit: (org: string) => [...orgKeys.all(org), "audit"] as const,
  connections: (org: string) => [...orgKeys.all(org), "connections"] as const,
  products: (org: string, filters: { tab?: string; q?: string; shop?: string; status?: string } = {}) => [...orgKeys.all(org), "products", filters] as const,
  catalogStatus: (org: string) => [...orgKeys.all(org), "catalog-status"] as const,
  mappingProposals: (org: string, tiktokConnectionId: string) => [...orgKeys.all(org), "mapping-proposals", tiktokConnectionId] as const,
  settings: (org: string) => [...orgKeys.all(org), "settings"] as const,
  fulfillments: (org: string, tiktokConnectionId: string, orderIds: readonly string[]) => [...orgKeys.all(org), "fulfillments", tiktokConnectionId, orderIds.join(",")] as const,
  fulfillmentsAll: (org: string) => [...orgKeys.all(org), "fulfillments"] as const,
  carriers: (org: string, tiktokConnectionId: string) => [...orgKeys.all(org), "carriers", tiktokConnectionId] as const,
  notifications: (org: string) => [...orgKeys.all(org), "notifications"] as const,
  syncPreview: (org: string, previewId: string) => [...orgKeys.all(org), "sync-preview", previewId] as const,
  orders: (org: string, filters: { state?: string; q?: string } = {}) => [...orgKeys.all(org), "orders", filters] as const,
  order: (org: string, orderId: string) => [...orgKeys.all(org), "order", orderId] as const,
  mappingCsvImport: (org: string, tiktokConnectionId: string, mode: "dry-run" | "import") => [...orgKeys.all(org), "mapping-csv-import", tiktokConnectionId, mode] as const,
};

export const invitationKeys = {
  detail: (token: string) => ["invitation", token] as const,
};
