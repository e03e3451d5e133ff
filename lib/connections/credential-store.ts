import { decryptSecret, encryptSecret } from "../crypto";
import { db, type Prisma } from "../db";
import type { Platform } from "../generated/prisma/enums.ts";

export interface TokenSet {
  accessToken: string;
  accessTokenExpiresAt: Date | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: Date | null;
  scopes?: string[];
}

export interface SaveCredentialOptions {
  organizationId: string;
  platform: Platform;
  subject: string;
  tokens: TokenSet;
  sellerName?: string | null;
  sellerRegion?: string | null;
  authorizedShops?: Prisma.InputJsonValue;
  tx?: Prisma.TransactionClient;
}

function encrypted(tokens: TokenSet) {
  return {
    accessToken: encryptSecret(tokens.accessToken),
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    refreshToken: tokens.refreshToken ? encryptSecret(tokens.refreshToken) : null,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
    ...(tokens.scopes ? { scopes: tokens.scopes } : {}),
  };
}

/** Stores (or replaces) a platform authorization's tokens, encrypted, both at once. */
export async function saveCredential({ tx, organizationId, platform, subject, tokens, ...rest }: SaveCredentialOptions) {
  const data = {
    ...encrypted(tokens),
    sellerName: rest.sellerName ?? undefined,
    sellerRegion: rest.sellerRegion ?? undefined,
    authorizedShops: rest.authorizedShops,
    refreshFailedAt: null,
    refreshError: null,
  };
  return (tx ?? db()).credential.upsert({
    where: { organizationId_platform_subject: { organizationId, platform, subject } },
    update: data,
    create: { organizationId, platform, subject, scopes: tokens.scopes ?? [], ...data },
    select: { id: true },
  });
}

export function tokenUpdate(tokens: TokenSet) {
  return { ...encrypted(tokens), lastRefreshedAt: new Date(), refreshFailedAt: null, refreshError: null };
}

export function readAccessToken(stored: string): string {
  return decryptSecret(stored);
}

export function readRefreshToken(stored: string | null): string | null {
  return stored ? decryptSecret(stored) : null;
}
