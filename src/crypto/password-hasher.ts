import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Hashes and verifies passwords. Replace it through `AuthConfig.passwordHasher` (e.g. for argon2);
 * implementations must be asynchronous so hashing never blocks the event loop.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

// better-auth's parameters, so its databases keep working: N=16384, r=16, p=1, 64-byte key.
const SCRYPT: ScryptOptions = { N: 16384, r: 16, p: 1, maxmem: 128 * 16384 * 16 * 2 };
const KEY_LENGTH = 64;

/**
 * scrypt in better-auth's `saltHex:keyHex` format. The hex salt string itself is the scrypt salt and the
 * password is NFKC-normalised first, exactly as better-auth does, so hashes move between the two freely.
 * Node runs scrypt on its thread pool: the event loop keeps serving while a hash is computed.
 * @example
 * const hasher = new ScryptPasswordHasher();
 * const hash = await hasher.hash('correct horse battery');
 * await hasher.verify(hash, 'correct horse battery'); // true
 */
export class ScryptPasswordHasher implements PasswordHasher {
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16).toString('hex');
    const key = await deriveKey(password, salt);
    return `${salt}:${key.toString('hex')}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    const [salt, keyHex] = hash.split(':');
    if (!salt || !keyHex || keyHex.length !== KEY_LENGTH * 2) return false;
    const expected = Buffer.from(keyHex, 'hex');
    const actual = await deriveKey(password, salt);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}

function deriveKey(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, SCRYPT, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
