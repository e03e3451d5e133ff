import { db, type Prisma } from "../db";
import { AppError } from "../errors";

// Failed sign-ins are counted in the database (not in memory) so every app instance shares them.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

interface AttemptKey {
  email: string;
  ip: string;
}

function lockedError(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    "RATE_LIMITED",
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterSeconds: minutes * 60 },
  );
}

type Client = Pick<Prisma.TransactionClient, "loginAttempt">;

async function lockedUntil(client: Client, where: { email: string } | { ip: string }, limit: number, since: Date): Promise<Date | null> {
  const failures = await client.loginAttempt.findMany({
    where: { ...where, succeeded: false, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  if (failures.length < limit) return null;
  // Locked until the oldest of the last `limit` failures leaves the window.
  const oldest = failures[failures.length - 1]!.createdAt;
  return new Date(oldest.getTime() + LOGIN_WINDOW_MINUTES * 60_000);
}

/** Throws RATE_LIMITED when the account or the IP has too many recent failures. */
async function assertNotLocked(client: Client, { email, ip }: AttemptKey, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const byAccount = await lockedUntil(client, { email }, MAX_FAILURES_PER_ACCOUNT, since);
  const byIp = await lockedUntil(client, { ip }, MAX_FAILURES_PER_IP, since);
  const until = [byAccount, byIp].filter((d): d is Date => d !== null && d > now).sort((a, b) => +b - +a)[0];
  if (until) throw lockedError(until, now);
}

/**
 * Checks the limits and counts this attempt as a failure in one step, before the password is checked.
 * Checking first and recording after the (slow) bcrypt compare would let a burst of parallel guesses all
 * pass the check; here each attempt is counted before the next one is checked: the per-account and
 * per-IP advisory locks (always taken in that order, so two attempts cannot deadlock) serialize the
 * check-and-insert of attempts that share an account or an IP. Returns the attempt's id for
 * `finishLoginAttempt`.
 */
export async function beginLoginAttempt({ email, ip }: AttemptKey, now = new Date()): Promise<string> {
  try {
    return await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:email:${email}`}))`;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:ip:${ip}`}))`;
        await assertNotLocked(tx, { email, ip }, now);
        const attempt = await tx.loginAttempt.create({ data: { email, ip, succeeded: false, createdAt: now }, select: { id: true } });
        return attempt.id;
      },
      // A burst queues for the pool (Prisma's default wait is 2 s); the transaction itself is three short queries.
      { maxWait: 10_000, timeout: 10_000 },
    );
  } catch (error) {
    // P2028: no connection or lock in time. The limiter fails closed, with an answer a person can act on.
    if ((error as { code?: string }).code === "P2028") {
      throw new AppError("RATE_LIMITED", "Too many sign-in attempts at once. Try again in a minute.", { retryAfterSeconds: 60 });
    }
    throw error;
  }
}

/** A successful sign-in turns its attempt into a success and clears the account's failure streak (the IP counter stays). */
export async function finishLoginAttempt({ id, email, succeeded }: { id: string; email: string; succeeded: boolean }): Promise<void> {
  if (!succeeded) return;
  await db().$transaction([
    db().loginAttempt.update({ where: { id }, data: { succeeded: true } }),
    db().loginAttempt.deleteMany({ where: { email, succeeded: false } }),
  ]);
}

/** Retention: attempts older than a day are no longer needed by the limiter. */
export async function pruneLoginAttempts(now = new Date()): Promise<number> {
  const { count } = await db().loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return count;
}
