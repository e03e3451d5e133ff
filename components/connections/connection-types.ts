import type { ConnectionsList } from "@/lib/connections/list-connections";
import type { ConnectionStatus, SellerType } from "@/lib/generated/prisma/enums";

// The shape of GET /api/orgs/{org}/connections, taken from the server so the two cannot drift.
export type { ConnectionsList, ConnectionStatus, SellerType };
export type ShopifyConnection = ConnectionsList["shopify"][number];
export type TikTokConnection = ConnectionsList["tiktok"][number];
export type PendingAuthorization = ConnectionsList["pendingTikTokAuthorizations"][number];
export type AuthorizedShop = PendingAuthorization["shops"][number];
