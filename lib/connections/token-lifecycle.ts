import { db } from "../db";
import { AppError } from "../errors";
import { readAccessToken, readRefreshToken, tokenUpdate, type TokenSet } from "./credential-store";

// One token-lifecycle module for both platforms. A refresh happens under a row lock on the
// credential (SELECT … FOR UPDATE), because refresh tokens rotate: two refreshes racing from two
// instances would spend the same refresh token twice and the loser would lock the store out.

export const REFRESH_MARGIN_MS = 5 * 60_000;

export type Refresher = (refreshToken: string) => Promise<TokenSet>;

export interface GetAccessTokenOptions {
  credentialId: string;
  refresh: Refresher;
  /** The token the platform just refused (401): refresh unless someone already replaced it. */
  rejectedToken?: string;
  /** Refresh now (ahead of expiry), unless another instance refreshed since we last read. */
  force?: boolean;
  now?: () => number;
}

export class ReauthorizationRequired extends AppError {
  constructor(message: string) {
    super("CONFLICT", message);
    this.name = "ReauthorizationRequired";
  }
}

function expiresSoon(expiresAt: Date | null, now: number): boolean {
  return expiresAt !== null && expiresAt.getTime() - now < REFRESH_MARGIN_MS;
}

/** A usable access token: the stored one, or a fresh one when it is about to expire or was refused. */
export async function getAccessToken({ credentialId, refresh, rejectedToken: rejected, force = false, now = Date.now }: GetAccessTokenOptions): Promise<string> {
  const current = await db().credential.findUniqueOrThrow({ where: { id: credentialId }, select: { accessToken: true, accessTokenExpiresAt: true } });
  const token = readAccessToken(current.accessToken);
  const rejectedToken = rejected ?? (force ? token : undefined);
  if (token !== rejectedToken && !expiresSoon(current.accessTokenExpiresAt, now())) return token;

  return db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Credential" WHERE id = ${credentialId} FOR UPDATE`;
      const locked = await tx.credential.findUniqueOrThrow({
        where: { id: credentialId },
        select: { accessToken: true, accessTokenExpiresAt: true, refreshToken: true, refreshTokenExpiresAt: true },
      });
      const lockedToken = readAccessToken(locked.accessToken);
      // Another instance refreshed while we waited for the lock: use its token.
      if (lockedToken !== rejectedToken && !expiresSoon(locked.accessTokenExpiresAt, now())) return lockedToken;
      const refreshToken = readRefreshToken(locked.refreshToken);
      if (!refreshToken || (locked.refreshTokenExpiresAt && locked.refreshTokenExpiresAt.getTime() <= now())) {
        throw new ReauthorizationRequired("The store's authorization has expired. Re-authorize it under Connections.");
      }
      const fresh = await refresh(refreshToken);
      await tx.credential.update({ where: { id: credentialId }, data: tokenUpdate(fresh) });
      return fresh.accessToken;
    },
    // The lock is held across the platform's token call; bound it.
    { timeout: 30_000, maxWait: 30_000 },
  );
}
