import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { AuthContext } from '../../core/auth-context';
import { KeyedDigest } from '../../crypto/keyed-digest';
import { AuthError } from '../../errors/auth-error';
import type { AddressFailureLimit } from './account-failures';
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
 */
export class OtpCodes {
  private readonly digests: KeyedDigest;

  constructor(
    private readonly auth: AuthContext,
    private readonly options: ResolvedEmailOtpOptions,
    private readonly failures: AddressFailureLimit,
  ) {
    this.digests = new KeyedDigest(auth.config.secret, 'email-otp:code');
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
    await this.failures.guard(email, async () => {
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
      if (!this.matches(stored.digest, this.digestOf(type, email, code))) {
        await store.create(id, JSON.stringify({ ...stored, attempts: stored.attempts + 1 }), taken.expiresAt);
        await this.failures.recordFailure(email);
        throw new AuthError(EMAIL_OTP_ERRORS.INVALID_OTP);
      }
      if (disposition === 'keep') await store.create(id, taken.value, taken.expiresAt);
      await this.failures.clear(email);
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

function parse(value: string): StoredCode | null {
  try {
    const parsed = JSON.parse(value) as Partial<StoredCode>;
    return typeof parsed.digest === 'string' && typeof parsed.attempts === 'number' ? { digest: parsed.digest, attempts: parsed.attempts } : null;
  } catch {
    return null;
  }
}
