import { z } from "zod";

// The rows of a "Map" click: what the member checked in the review, as sent by the dialog and as
// stored in MappingBatch.requested.

const id = z.string().min(1).max(64);

export const mappingRuleSchema = z.enum(["EXACT_SKU", "NORMALIZED_SKU", "BARCODE", "TITLE_OPTIONS", "MANUAL"]);

export const requestedRowSchema = z.object({
  tiktokSkuId: id,
  shopifyVariantId: id,
  rule: mappingRuleSchema,
  snapshot: z.string().min(1).max(64),
});

export const MAX_BATCH_ROWS = 100_000;

export type RequestedRow = z.infer<typeof requestedRowSchema>;

export const storedRowSchema = requestedRowSchema.extend({ tiktokProductId: id, productTitle: z.string() });

export type StoredRow = z.infer<typeof storedRowSchema>;

/**
 * "Select all" across the review's pages: besides the rows of the pages the member opened, every
 * proposal (a variant and a rule) of the products after `after` (the review's keyset cursor: the
 * last opened page's nextCursor), computed by the batch job before it applies.
 */
export const restSelectionSchema = z.object({ after: id }).strict();

export type RestSelection = z.infer<typeof restSelectionSchema>;

export const storedRequestSchema = z.object({
  tiktokConnectionId: id,
  shopifyConnectionId: id,
  rows: z.array(storedRowSchema),
  /** Present until the job has expanded it into `rows`. */
  rest: restSelectionSchema.optional(),
});

export type StoredRequest = z.infer<typeof storedRequestSchema>;

export const batchFailureSchema = z.object({
  tiktokProductId: z.string(),
  title: z.string(),
  tiktokSkuIds: z.array(z.string()),
  reason: z.string(),
  fix: z.string(),
});

export type BatchFailure = z.infer<typeof batchFailureSchema>;
