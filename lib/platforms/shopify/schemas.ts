// zod schemas for what Shopify sends back: the GraphQL envelope with its cost extension, and tokens.
import { z } from "zod";

export const throttleStatusSchema = z.object({
  maximumAvailable: z.number().nonnegative(),
  currentlyAvailable: z.number(),
  restoreRate: z.number().positive(),
});
export type ThrottleStatus = z.infer<typeof throttleStatusSchema>;

export const queryCostSchema = z.object({
  requestedQueryCost: z.number().nullish(),
  actualQueryCost: z.number().nullish(),
  throttleStatus: throttleStatusSchema.optional(),
});

/** Only the cost extension is read here; data and errors are checked by the operation and errors.ts. */
export const graphqlEnvelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z.unknown().optional(),
  extensions: z.object({ cost: queryCostSchema.optional().catch(undefined) }).loose().optional().catch(undefined),
}).loose();

const seconds = z.coerce.number().int().positive();

/** `expiring: 1` answer: an access token of about an hour plus a rotating refresh token. */
export const expiringTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: seconds,
  refresh_token: z.string().min(1),
  refresh_token_expires_in: seconds,
  scope: z.string(),
});
export type ExpiringTokenResponse = z.infer<typeof expiringTokenResponseSchema>;
