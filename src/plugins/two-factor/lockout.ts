import type { DatabaseAdapter } from '../../../adapters/database-adapter';
import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import { TWO_FACTOR_ERRORS } from './error-codes';
import type { ResolvedTwoFactorOptions } from './options';

/*
 * The account-level brake (NIST SP 800-63B §5.2.2) over every challenge and every factor (authenticator,
 * backup code, emailed code, so users whose only factor is an emailed code are bound too): the engine's
 * per-account counter (`auth.failureLimit`) counts each code before it is checked, in one conditional
 * statement, so parallel guesses on many open challenges get no more checks than the bound. Past it the second
 * factor answers 429 for a while, right code or not. A fresh sign-in cannot reset it; only a right code or the
 * end of the lock does.
 */

const keyOf = (userId: string) => `two-factor:${userId}`;
const sendsOf = (userId: string) => `two-factor-send-otp:${userId}`;

// Codes sent to one account between two successful verifications, whatever the client address and whether the
// rate limiter is on; past it, sending waits for the lockout's duration. Five leave room for a lost email.
const MAX_OTP_SENDS = 5;

/** Counts one code about to be checked; 429 `ACCOUNT_TEMPORARILY_LOCKED` once the account spent its attempts. */
export async function takeAttempt(auth: AuthContext, options: ResolvedTwoFactorOptions, userId: string): Promise<void> {
  if (!options.lockout.enabled) return;
  const { maxFailedAttempts, durationSeconds } = options.lockout;
  const locked = await auth.failureLimit.take(keyOf(userId), { maxFailures: maxFailedAttempts, lockSeconds: durationSeconds });
  if (locked) throw new AuthError(TWO_FACTOR_ERRORS.ACCOUNT_TEMPORARILY_LOCKED, undefined, undefined, locked);
}

/** Counts one emailed code about to be sent; 429 `TOO_MANY_REQUESTS` past `MAX_OTP_SENDS` for the account. */
export async function takeOtpSend(auth: AuthContext, options: ResolvedTwoFactorOptions, userId: string): Promise<void> {
  const locked = await auth.failureLimit.take(sendsOf(userId), { maxFailures: MAX_OTP_SENDS, lockSeconds: options.lockout.durationSeconds });
  if (locked) throw new AuthError('TOO_MANY_REQUESTS', undefined, undefined, locked);
}

/** After a right code: the counts of codes tried and sent start again. */
export async function clearFailures(auth: AuthContext, options: ResolvedTwoFactorOptions, userId: string): Promise<void> {
  if (options.lockout.enabled) await auth.failureLimit.clear(keyOf(userId));
  await auth.failureLimit.clear(sendsOf(userId));
}

/** Forgets both counts whatever the options (the address was claimed: the counts were the squatter's), in `on`'s transaction. */
export async function forgetCounts(auth: AuthContext, userId: string, on: DatabaseAdapter): Promise<void> {
  await auth.failureLimit.clear(keyOf(userId), on);
  await auth.failureLimit.clear(sendsOf(userId), on);
}
