import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { beginLoginAttempt, finishLoginAttempt } from "./login-throttle";
import { verifyPassword } from "./password";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(1024),
});

const INVALID = "Wrong email or password.";

/** Checks an email and password; returns the user id or throws an AppError with a message to show. */
export async function authenticateWithPassword(input: unknown, ip: string): Promise<{ id: string; email: string }> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", parsed.error.issues[0]?.message ?? INVALID);
  const { email, password } = parsed.data;
  // Counted before the password is checked, so parallel guesses cannot slip past the limit.
  const attemptId = await beginLoginAttempt({ email, ip });
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true } });
  // verifyPassword takes the same time whether or not the user exists.
  const ok = await verifyPassword(password, user?.passwordHash);
  await finishLoginAttempt({ id: attemptId, email, succeeded: ok && !!user });
  if (!ok || !user) throw new AppError("UNAUTHENTICATED", INVALID);
  return { id: user.id, email: user.email };
}
