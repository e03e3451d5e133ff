import { z } from "zod";
import { defineSection } from "../define-section";

export const orderSettingsSchema = z.object({
  /**
   * Create the Shopify order while TikTok still holds the order (ON_HOLD, about an hour in which the buyer may
   * cancel without asking): it is shown as Held, its Shopify fulfillment orders carry a fulfillment hold until TikTok's
   * hold ends (so it cannot be shipped), and it is cancelled with restock if the buyer cancels.
   */
  importOnHold: z.boolean().default(false),
  /** The email on orders whose buyer TikTok masks (no address, or a starred one); empty: the order has no email. */
  fallbackEmail: z.union([z.literal(""), z.email("an email address such as orders@example.com").max(200)]).default(""),
  /**
   * How the Shopify order treats stock. The default takes the units out of stock and never refuses an order
   * for lack of stock; "obey the policy" refuses (the order then waits under Needs attention with the reason).
   */
  inventoryBehaviour: z.enum(["DECREMENT_IGNORING_POLICY", "DECREMENT_OBEYING_POLICY", "BYPASS"]).default("DECREMENT_IGNORING_POLICY"),
  /** TikTok sample orders (free units sent to creators). */
  sampleOrders: z.enum(["import", "skip"]).default("import"),
  /** Replacement orders TikTok creates after an after-sales case. */
  replacementOrders: z.enum(["import", "skip"]).default("import"),
});
export type OrderSettings = z.infer<typeof orderSettingsSchema>;

export const orderSettings = defineSection({
  key: "orders",
  title: "Orders",
  schema: orderSettingsSchema,
});
