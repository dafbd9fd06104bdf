import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { FailureBound } from '../../core/account-failure-limit';
import type { AuthContext } from '../../core/auth-context';
import { KeyedQueue } from '../../core/keyed-queue';
import { KeyedDigest } from '../../crypto/keyed-digest';
import { AuthError } from '../../errors/auth-error';
import { EMAIL_OTP_ERRORS } from './error-codes';
import type { ResolvedEmailOtpOptions } from './options';
import type { OtpType } from './otp-types';

interface StoredCode {
  digest: string;
  attempts: number;
}

/**
 * The emailed codes: one live code per type and address (sending again replaces it). The store holds, under
 * `email-otp:<type>:SHA-256(address)`, the code's HMAC keyed from the auth secret over type, address and code,
 * so a leaked row neither reveals the code nor can be tried offline, and a code of one type or address never
 * passes for another.
 *
 * Every check takes the code out of the store atomically (`consume`): of concurrent checks one holds it, the
 * others find nothing (400 `INVALID_OTP`), so a code is used once and guesses cannot run in parallel. A wrong
 * code is put back with one more attempt; after `allowedAttempts` wrong ones the next check answers 403
 * `TOO_MANY_ATTEMPTS` and the code is gone, as better-auth does.
 *
 * Beyond that, the account-wide brake: re-sending a code gives a guesser fresh tries each time, so without it a
 * million-code space falls to enough re-sends even with the rate limiter off. Every comparison is counted per
 * address (an unknown address is an account to be) by the engine's `auth.failureLimit` *before* it runs, in one
 * conditional statement in the shared database, so parallel guesses in any number of processes get at most
 * `accountLimit.maxFailures` comparisons; past it a code for the address answers 403 `TOO_MANY_ATTEMPTS`, right
 * or not, until `accountLimit.windowSeconds` after the last one counted. A right code clears the count.
 */
export class OtpCodes {
  private readonly digests: KeyedDigest;
  private readonly bound: FailureBound;
  // Not the bound (the database holds it): checks of one address in this process wait for each other, so a code
  // taken out by one check is back before the next looks (a double-submitted right code is not INVALID_OTP).
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly auth: AuthContext,
    private readonly options: ResolvedEmailOtpOptions,
  ) {
    this.digests = new KeyedDigest(auth.config.secret, 'email-otp:code');
    this.bound = { maxFailures: options.accountLimit.maxFailures, lockSeconds: options.accountLimit.windowSeconds };
  }

  /** Makes a new code for the type and address, replacing any earlier one, and returns it. */
  async issue(type: OtpType, email: string): Promise<string> {
    const code = String(randomInt(0, 10 ** this.options.otpLength)).padStart(this.options.otpLength, '0');
    const id = identifier(type, email);
    const store = this.auth.tokens.store;
    // Drop what was there (expired or not): only the newest code works.
    while ((await store.consume(id, new Date(0))) !== null);
    const stored: StoredCode = { digest: this.digestOf(type, email, code), attempts: 0 };
    await store.create(id, JSON.stringify(stored), new Date(Date.now() + this.options.expiresIn * 1000));
    return code;
  }

  /**
   * Checks a code; throws `OTP_EXPIRED`, `INVALID_OTP` or `TOO_MANY_ATTEMPTS`. `use` spends a right code;
   * `keep` puts it back (check-verification-otp, which only tells whether the code is right).
   */
  async check(type: OtpType, email: string, code: string, disposition: 'use' | 'keep'): Promise<void> {
    await this.queue.run(email, async () => {
      const store = this.auth.tokens.store;
      const id = identifier(type, email);
      // Date.now(), not new Date(): one clock for every expiry decision (and the one tests move).
      const now = new Date(Date.now());
      const taken = await store.consume(id, now);
      if (taken === 'expired') throw new AuthError(EMAIL_OTP_ERRORS.OTP_EXPIRED);
      if (!taken) throw new AuthError(EMAIL_OTP_ERRORS.INVALID_OTP);
      if (taken.expiresAt.getTime() <= now.getTime()) throw new AuthError(EMAIL_OTP_ERRORS.OTP_EXPIRED);
      const stored = parse(taken.value);
      if (!stored) throw new AuthError(EMAIL_OTP_ERRORS.INVALID_OTP);
      if (stored.attempts >= this.options.allowedAttempts) throw new AuthError(EMAIL_OTP_ERRORS.TOO_MANY_ATTEMPTS);
      // Counted only once there is a code to compare (a check that finds none guesses nothing), and before the comparison.
      if (await this.auth.failureLimit.take(failureKey(email), this.bound)) {
        // The code stays for the address's owner once the lock ends, as it was.
        await store.create(id, taken.value, taken.expiresAt);
        throw new AuthError(EMAIL_OTP_ERRORS.TOO_MANY_ATTEMPTS);
      }
      if (!this.matches(stored.digest, this.digestOf(type, email, code))) {
        await store.create(id, JSON.stringify({ ...stored, attempts: stored.attempts + 1 }), taken.expiresAt);
        throw new AuthError(EMAIL_OTP_ERRORS.INVALID_OTP);
      }
      if (disposition === 'keep') await store.create(id, taken.value, taken.expiresAt);
      await this.auth.failureLimit.clear(failureKey(email));
    });
  }

  private digestOf(type: OtpType, email: string, code: string): string {
    return this.digests.of(`${type}\n${email}\n${code}`);
  }

  private matches(expected: string, actual: string): boolean {
    return expected.length === actual.length && timingSafeEqual(Buffer.from(expected), Buffer.from(actual));
  }
}

function identifier(type: OtpType, email: string): string {
  return `email-otp:${type}:${createHash('sha256').update(email).digest('hex')}`;
}

/** The address's `auth.failureLimit` key; a digest, so the counters' table holds no addresses. */
export function failureKey(email: string): string {
  return `email-otp:${createHash('sha256').update(email).digest('hex')}`;
}

function parse(value: string): StoredCode | null {
  try {
    const parsed = JSON.parse(value) as Partial<StoredCode>;
    return typeof parsed.digest === 'string' && typeof parsed.attempts === 'number' ? { digest: parsed.digest, attempts: parsed.attempts } : null;
  } catch {
    return null;
  }
}
