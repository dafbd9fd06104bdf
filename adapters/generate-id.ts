import { randomBytes } from 'node:crypto';

/** A 32-character URL-safe random id (192 bits), the shape better-auth uses for its ids. */
export function generateId(): string {
  return randomBytes(24).toString('base64url');
}
