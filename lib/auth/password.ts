import bcrypt from "bcryptjs";
import { env } from "../env";

const commonPasswords = new Set([
  "password", "password1", "password123", "passw0rd", "12345678", "123456789", "1234567890",
  "qwertyuiop", "iloveyou", "letmein123", "welcome123", "admin12345", "changeme", "abc12345",
  "qwerty123", "football", "baseball", "sunshine1", "princess1", "trustno1",
]);

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Returns why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  // bcrypt reads only the first 72 bytes; a cap keeps hashing time bounded too.
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lowered = password.toLowerCase();
  if (commonPasswords.has(lowered)) return "This password is too common. Choose another.";
  if (new Set(password).size < 4) return "Use more different characters.";
  const localPart = email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lowered.includes(localPart)) return "Don't include your email address in the password.";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env().PASSWORD_HASH_ROUNDS);
}

// A real hash of a random string, compared against when the account does not exist, so a
// wrong email costs the same time as a wrong password (no account enumeration by timing).
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash("ferry-timing-equalizer", env().PASSWORD_HASH_ROUNDS);
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}
