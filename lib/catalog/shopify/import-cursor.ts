// The state an import carries between job steps. The job stores it as the step's output and hands it
// back, so it is parsed (zod) like any other input.
import { z } from "zod";

export const shopifyImportCursorSchema = z.discriminatedUnion("phase", [
  /** Cursor pagination: the next page of products after `after`. */
  z.object({ phase: z.literal("pages"), search: z.string().nullable(), after: z.string().nullable() }),
  /** Start the bulk query. */
  z.object({ phase: z.literal("bulk-start"), search: z.string().nullable() }),
  /** Sleep `sleepMs`, then poll the bulk operation again. */
  z.object({ phase: z.literal("bulk-poll"), operationId: z.string(), polls: z.number().int().nonnegative(), sleepMs: z.number().int().nonnegative() }),
  /** Read the result file from `byteOffset` (always the start of a product's line). */
  z.object({ phase: z.literal("bulk-read"), url: z.string().url(), byteOffset: z.number().int().nonnegative(), line: z.number().int().nonnegative() }),
]);
export type ShopifyImportCursor = z.infer<typeof shopifyImportCursorSchema>;

/** How long the job waits before polling a bulk operation again: 1 s, 2 s, 4 s … up to 30 s. */
export function pollDelayMs(polls: number): number {
  return Math.min(30_000, 1000 * 2 ** polls);
}
