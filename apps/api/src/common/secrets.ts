import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** A random token for links and cookies: 32 bytes, base64url. Store only its SHA-256. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's minimum recommendation.
const ARGON2 = { algorithm: 2 as Algorithm.Argon2id }; // a const enum: Argon2d = 0, Argon2i = 1, Argon2id = 2

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. With no hash (no such account, or not yet set) it
 * verifies against a dummy hash anyway, so the response time does not reveal whether an email exists.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword(randomToken());
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
