import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import { TWO_FACTOR_ERRORS } from './error-codes';
import type { ResolvedTwoFactorOptions } from './options';
import { findTwoFactorRow, twoFactorRecords, type TwoFactorRow } from './two-factor-rows';

/*
 * The account-level brake (NIST SP 800-63B §5.2.2): consecutive wrong codes are counted on the user's
 * two-factor row over every challenge and factor, and past the limit the second factor answers 429 for a while,
 * right code or not. A fresh sign-in cannot reset it; only a right code or the end of the lock does.
 */

/** Refuses with 429 `ACCOUNT_TEMPORARILY_LOCKED` while the row is locked; clears a lock that has run out. */
export async function assertNotLocked(auth: AuthContext, options: ResolvedTwoFactorOptions, row: TwoFactorRow | null, now = Date.now()): Promise<void> {
  if (!options.lockout.enabled || !row?.lockedUntil) return;
  const remaining = row.lockedUntil.getTime() - now;
  if (remaining > 0) {
    throw new AuthError(TWO_FACTOR_ERRORS.ACCOUNT_TEMPORARILY_LOCKED, undefined, undefined, { retryAfterSeconds: Math.ceil(remaining / 1000) });
  }
  await twoFactorRecords(auth).update({ id: row.id }, { failedVerificationCount: 0, lockedUntil: null });
}

// Concurrent failures each need their increment; a loser of the compare-and-set reads again this often.
const MAX_RETRIES = 8;

/** Counts one wrong code (compare-and-set, so racing failures all count) and locks the row at the limit. */
export async function recordFailure(auth: AuthContext, options: ResolvedTwoFactorOptions, userId: string, now = Date.now()): Promise<void> {
  if (!options.lockout.enabled) return;
  const { maxFailedAttempts, durationSeconds } = options.lockout;
  for (let attempt = 0; attempt < MAX_RETRIES; attempt += 1) {
    const row = await findTwoFactorRow(auth, userId);
    if (!row) return; // email-OTP-only users have no row to count on
    const failures = row.failedVerificationCount + 1;
    const lock = failures >= maxFailedAttempts ? { lockedUntil: new Date(now + durationSeconds * 1000) } : {};
    const updated = await twoFactorRecords(auth).update({ id: row.id, failedVerificationCount: row.failedVerificationCount }, { failedVerificationCount: failures, ...lock });
    if (updated === 1) return;
  }
}

/** After a right code: the count starts again. Unconditional, so a failure read just before still gets cleared. */
export async function resetFailures(auth: AuthContext, options: ResolvedTwoFactorOptions, row: TwoFactorRow | null): Promise<void> {
  if (!options.lockout.enabled || !row) return;
  await twoFactorRecords(auth).update({ id: row.id }, { failedVerificationCount: 0, lockedUntil: null });
}
