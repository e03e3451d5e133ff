import type { OrgContext } from "../auth/org-access";
import { randomToken, sha256Hex } from "../crypto";
import { db } from "../db";
import { AppError } from "../errors";
import type { Platform } from "../generated/prisma/enums.ts";

// OAuth `state`: a single-use nonce stored server-side (only its hash) and bound to the member who
// started the flow, so a callback cannot be replayed, forged, or completed by someone else.
const STATE_TTL_MS = 15 * 60_000;

export interface CreateOAuthStateOptions {
  org: OrgContext;
  platform: Platform;
  shop?: string;
}

export async function createOAuthState({ org, platform, shop }: CreateOAuthStateOptions): Promise<string> {
  const nonce = randomToken(24);
  await db().oAuthState.create({
    data: {
      nonceHash: sha256Hex(nonce),
      organizationId: org.organizationId,
      userId: org.userId,
      platform,
      shop,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    },
  });
  return nonce;
}

export interface ConsumeOAuthStateOptions {
  nonce: string | undefined;
  userId: string;
  platform: Platform;
}

export interface ConsumedState {
  organizationId: string;
  organizationSlug: string;
  userId: string;
  shop: string | null;
}

const invalid = () =>
  new AppError("BAD_REQUEST", "This authorization link is invalid or has expired. Start the connection again from Connections.");

/** Claims the state exactly once. A second use, another user's state or an expired one is refused. */
export async function consumeOAuthState({ nonce, userId, platform }: ConsumeOAuthStateOptions): Promise<ConsumedState> {
  if (!nonce || nonce.length > 100) throw invalid();
  const nonceHash = sha256Hex(nonce);
  const claimed = await db().oAuthState.updateMany({
    where: { nonceHash, userId, platform, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) throw invalid();
  const state = await db().oAuthState.findUniqueOrThrow({
    where: { nonceHash },
    select: { organizationId: true, userId: true, shop: true, organization: { select: { slug: true } } },
  });
  return { organizationId: state.organizationId, organizationSlug: state.organization.slug, userId: state.userId, shop: state.shop };
}

/** Retention: states are useless after they expire. */
export async function pruneOAuthStates(now = new Date()): Promise<number> {
  const { count } = await db().oAuthState.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return count;
}
