import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PasswordHasher } from '../../src/crypto/password-hasher';

const KEY_HEX_LENGTH = 128;

/**
 * The hasher every auth instance in the Jest suite uses unless its config names one (see
 * `test/support/better-auth-entities.ts`): one SHA-512 instead of scrypt's ~50 ms of CPU a hash, which was
 * about half of `npm test`. It keeps what the other tests can observe of the real one: the stored value has
 * scrypt's exact shape (`saltHex:keyHex`, 32 + 128 hex digits, so leak checks that look for that shape still
 * see it), a fresh salt per hash, NFKC-normalised input, malformed hashes refused, and the answer arrives on a
 * later turn of the event loop, as a thread-pool hash does. Tests whose subject is hashing itself (test/crypto,
 * the better-auth hash compatibility, the bounded hasher) pass `new ScryptPasswordHasher()` or their own.
 */
export class TestPasswordHasher implements PasswordHasher {
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16).toString('hex');
    const key = await derive(password, salt);
    return `${salt}:${key.toString('hex')}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    const [salt, keyHex] = hash.split(':');
    if (!salt || !keyHex || keyHex.length !== KEY_HEX_LENGTH) return false;
    const expected = Buffer.from(keyHex, 'hex');
    const actual = await derive(password, salt);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}

async function derive(password: string, salt: string): Promise<Buffer> {
  await new Promise((resolve) => setImmediate(resolve));
  return createHash('sha512').update(`${salt}\0${password.normalize('NFKC')}`).digest();
}
