import { createHash, randomBytes } from 'node:crypto';
import type { PasswordHasher } from 'better-auth-entities';

/**
 * A cheap hasher for races and fault runs. scrypt takes ~50 ms a hash on a libuv thread, which spreads
 * concurrent sign-ups over seconds and lets them reach the database one by one; with this one they all meet
 * at the unique index and the transaction at once. What those tests check is the database's behaviour, not
 * the hasher's (the real one is tested in test/crypto and by the bad-input corpus).
 */
export class QuickHasher implements PasswordHasher {
  async hash(password: string): Promise<string> {
    const salt = randomBytes(8).toString('hex');
    return `${salt}:${createHash('sha256').update(salt + password).digest('hex')}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    const [salt, digest] = hash.split(':');
    return createHash('sha256').update(salt + password).digest('hex') === digest;
  }
}
