import { z } from "zod";

/** The shops a TikTok authorization covers, as stored on its credential (no secrets). */
export const authorizedShopSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  sellerType: z.enum(["LOCAL", "CROSS_BORDER"]),
  cipher: z.string(),
  code: z.string().optional(),
});

export const authorizedShopsSchema = z.array(authorizedShopSchema);
export type AuthorizedShop = z.infer<typeof authorizedShopSchema>;
