import { createHash } from 'node:crypto';
import type { AuthContext } from '../../core/auth-context';
import { KeyedQueue } from '../../core/keyed-queue';
import { AuthError } from '../../errors/auth-error';
import { EMAIL_OTP_ERRORS } from './error-codes';
import type { ResolvedEmailOtpOptions } from './options';

/**
 * The account-wide brake on wrong codes, beyond better-auth's three tries per code: re-sending a code gives a
 * guesser three fresh tries each time, so without this a million-code space falls to enough re-sends even with
 * the rate limiter off. Failures are counted per address (an unknown address is an account to be) in a fixed
 * window kept in the verification store; at the limit every check for the address answers 403
 * `TOO_MANY_ATTEMPTS` until the window ends, right code or not.
 *
 * Kept in this one file on purpose: a core per-account failure counter (`src/core/account-failure-limit.ts`)
 * is being built elsewhere, and this class is the only thing to swap for it.
 *
 * Checks of one address run one after another in this process (`guard`), so parallel wrong codes cannot all
 * pass the limit before any is counted. Across processes the read-then-write of the count may lose an
 * increment when two failures land at the same instant.
 */
export class AddressFailureLimit {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly auth: AuthContext,
    private readonly limit: ResolvedEmailOtpOptions['accountLimit'],
  ) {}

  /** Runs `check` (a code check that may fail) alone for the address, refused at once while the address is locked. */
  guard<T>(email: string, check: () => Promise<T>): Promise<T> {
    return this.queue.run(email, async () => {
      if ((await this.count(email)) >= this.limit.maxFailures) throw new AuthError(EMAIL_OTP_ERRORS.TOO_MANY_ATTEMPTS);
      return check();
    });
  }

  /** Counts one wrong code for the address (call inside `guard`). */
  async recordFailure(email: string, now = Date.now()): Promise<void> {
    const store = this.auth.tokens.store;
    const taken = await store.consume(identifier(email), new Date(now));
    const live = taken && taken !== 'expired' ? taken : null;
    const count = live ? Number.parseInt(live.value, 10) || 0 : 0;
    await store.create(identifier(email), String(count + 1), live ? live.expiresAt : new Date(now + this.limit.windowSeconds * 1000));
  }

  /** A right code: the count starts again. */
  async clear(email: string, now = Date.now()): Promise<void> {
    await this.auth.tokens.store.consume(identifier(email), new Date(now));
  }

  private async count(email: string, now = Date.now()): Promise<number> {
    const stored = await this.auth.tokens.store.find(identifier(email));
    if (!stored || stored.expiresAt.getTime() <= now) return 0;
    return Number.parseInt(stored.value, 10) || 0;
  }
}

function identifier(email: string): string {
  return `email-otp:failures:${createHash('sha256').update(email).digest('hex')}`;
}
