import { z } from "zod";
import { badRequest } from "../errors";

export const productTabs = ["unmapped", "mapped", "attention"] as const;
export type ProductTab = (typeof productTabs)[number];

// TikTok's product statuses as Search Products returns them.
export const tiktokProductStatuses = ["DRAFT", "PENDING", "FAILED", "ACTIVATE", "SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED", "FREEZE", "DELETED"] as const;

export const listProductsQuerySchema = z
  .object({
    tab: z.enum(productTabs).default("unmapped"),
    q: z
      .string()
      .max(200)
      .optional()
      .transform((value) => value?.trim() || undefined),
    shop: z.string().min(1).max(40).optional(),
    status: z.enum(tiktokProductStatuses).optional(),
    cursor: z.string().min(1).max(1000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export type ListProductsQuery = z.infer<typeof listProductsQuerySchema>;
export type ListProductsQueryInput = z.input<typeof listProductsQuerySchema>;

// Keyset on (title, id): stable under inserts, O(page) at any depth.
const cursorSchema = z.tuple([z.string(), z.string().min(1)]);

export interface ProductCursor {
  title: string;
  id: string;
}

export function encodeProductCursor({ title, id }: ProductCursor): string {
  return Buffer.from(JSON.stringify([title, id]), "utf8").toString("base64url");
}

export function decodeProductCursor(cursor: string): ProductCursor {
  try {
    const [title, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { title, id };
  } catch {
    throw badRequest("The page cursor is not valid.");
  }
}

/** A search term as an ILIKE pattern matching it anywhere, with LIKE's wildcards taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
