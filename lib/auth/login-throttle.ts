import { db } from "../db";
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

async function lockedUntil(where: { email: string } | { ip: string }, limit: number, since: Date): Promise<Date | null> {
  const failures = await db().loginAttempt.findMany({
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
export async function assertLoginAllowed({ email, ip }: AttemptKey, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const [byAccount, byIp] = await Promise.all([
    lockedUntil({ email }, MAX_FAILURES_PER_ACCOUNT, since),
    lockedUntil({ ip }, MAX_FAILURES_PER_IP, since),
  ]);
  const until = [byAccount, byIp].filter((d): d is Date => d !== null && d > now).sort((a, b) => +b - +a)[0];
  if (until) throw lockedError(until, now);
}

export async function recordLoginAttempt({ email, ip, succeeded }: AttemptKey & { succeeded: boolean }): Promise<void> {
  await db().loginAttempt.create({ data: { email, ip, succeeded } });
  if (succeeded) {
    // A successful sign-in clears the account's failure streak; the IP counter stays.
    await db().loginAttempt.deleteMany({ where: { email, succeeded: false } });
  }
}

/** Retention: attempts older than a day are no longer needed by the limiter. */
export async function pruneLoginAttempts(now = new Date()): Promise<number> {
  const { count } = await db().loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return count;
}
