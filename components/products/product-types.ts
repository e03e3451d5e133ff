import type { CatalogStatus, StoreCatalogStatus } from "@/lib/catalog/catalog-status";
import type { ProductList, ProductListItem, ProductListSku } from "@/lib/catalog/list-products";
import type { ProductTab } from "@/lib/catalog/product-list-query";
import type { MappingBatchSummary } from "@/lib/mapping/apply-batch";
import type { BatchFailure, RequestedRow } from "@/lib/mapping/batch-rows";
import type { ReviewPage, ReviewProduct, ReviewRow } from "@/lib/mapping/compute-proposals";

// The shapes of the Products endpoints, taken from the server so the two cannot drift.
export type { BatchFailure, CatalogStatus, ProductList, ProductListItem, ProductListSku, ProductTab, RequestedRow, ReviewPage, ReviewProduct, ReviewRow, StoreCatalogStatus };
export type CatalogImportView = NonNullable<StoreCatalogStatus["latestImport"]>;
/** GET /api/orgs/{org}/mapping/batches/{batchId}: the MappingBatch's progress fields. */
export type MappingBatchView = Pick<MappingBatchSummary, "status" | "mappedProducts" | "mappedSkus" | "failures">;
