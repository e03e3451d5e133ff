import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "./env";

// Tokens at rest: AES-256-GCM with a key id in every ciphertext, so keys can be rotated (new key
// first in TOKEN_ENCRYPTION_KEY, old ones after it keep decrypting until re-encrypted).
// Format: "v1.<keyId>.<iv>.<tag>.<ciphertext>", each part base64url.

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DecryptionError";
  }
}

/** Parses "id:base64key[,id:base64key…]"; each key must be 32 bytes. */
export function parseKeys(value: string): EncryptionKey[] {
  const keys = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, material] = part.split(":");
      if (!id || !material || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new Error('Each encryption key must look like "keyid:base64key".');
      const key = Buffer.from(material, "base64");
      if (key.length !== 32) throw new Error(`Encryption key "${id}" must be 32 bytes (base64 of 32 random bytes).`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error("At least one encryption key is required.");
  return keys;
}

export function encryptWith(keys: EncryptionKey[], plaintext: string): string {
  const [current] = keys;
  if (!current) throw new Error("No encryption key configured.");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(Buffer.from(current.id));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString("base64url"));
  return ["v1", current.id, ...parts].join(".");
}

export function decryptWith(keys: EncryptionKey[], value: string): string {
  const [version, keyId, iv, tag, ciphertext] = value.split(".");
  if (version !== "v1" || !keyId || !iv || !tag || ciphertext === undefined) throw new DecryptionError("Not an encrypted value.");
  const key = keys.find((k) => k.id === keyId);
  if (!key) throw new DecryptionError(`No encryption key "${keyId}" is configured (was TOKEN_ENCRYPTION_KEY rotated without keeping the old key?).`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError("The encrypted value was tampered with or the key is wrong.");
  }
}

let keys: EncryptionKey[] | undefined;
function configuredKeys(): EncryptionKey[] {
  keys ??= parseKeys(env().TOKEN_ENCRYPTION_KEY ?? "");
  return keys;
}

export const encryptSecret = (plaintext: string) => encryptWith(configuredKeys(), plaintext);
export const decryptSecret = (value: string) => decryptWith(configuredKeys(), value);

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Constant-time comparison of two strings (different lengths compare false without leaking where). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}
