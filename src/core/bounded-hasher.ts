import type { PasswordHasher } from '../crypto/password-hasher';
import { AuthError } from '../errors/auth-error';

/** How many hashes run at once and how many may wait (`AuthConfig.passwordHashing`). */
export interface PasswordHashingLimits {
  /** Hashes computed at once (default 4: Node's thread pool, which scrypt runs on). */
  maxConcurrent?: number;
  /** Hashes that may wait for a turn (default 256: a few seconds of work); past that a request answers 503 with `Retry-After`. */
  maxQueued?: number;
}

/**
 * Puts a bound on password hashing so a flood of sign-ins cannot take the thread pool (and everything else
 * queued on it) hostage: at most `maxConcurrent` hashes run, at most `maxQueued` wait, and the rest are
 * refused at once with 503 `SERVICE_UNAVAILABLE` and `Retry-After`, instead of waiting seconds each.
 */
export class BoundedHasher implements PasswordHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly maxConcurrent: number;
  private readonly maxQueued: number;

  constructor(
    private readonly inner: PasswordHasher,
    limits: PasswordHashingLimits = {},
  ) {
    this.maxConcurrent = limits.maxConcurrent ?? 4;
    this.maxQueued = limits.maxQueued ?? 256;
    if (!(this.maxConcurrent >= 1 && this.maxQueued >= 0)) throw new TypeError('passwordHashing: need maxConcurrent >= 1 and maxQueued >= 0.');
  }

  hash(password: string): Promise<string> {
    return this.inTurn(() => this.inner.hash(password));
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.inTurn(() => this.inner.verify(hash, password));
  }

  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxConcurrent) {
      if (this.waiting.length >= this.maxQueued) throw new AuthError('SERVICE_UNAVAILABLE', undefined, undefined, { retryAfterSeconds: 1 });
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // The turn passes straight to the next waiter (running stays the same), or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
