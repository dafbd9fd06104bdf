import { telemetry } from '../observability/telemetry';
import type { SignInMethod } from './sign-in-pipeline';

/**
 * What a sign-in attempt ended in: a session, a step asking for more (a second factor), a step refusing a
 * user whose credentials were right (a ban, an unverified email), or credentials that did not hold.
 */
export type SignInOutcomeName = 'success' | 'two_factor' | 'refused' | 'failure';

/**
 * Counts one sign-in attempt in `auth.sign_in.attempts`. A sign-up opening its first session is counted by
 * `auth.sign_up.count` instead, so a new account is not also a sign-in.
 */
export function recordSignIn(via: SignInMethod, outcome: SignInOutcomeName, errorCode?: string): void {
  if (via === 'sign-up') return;
  const instruments = telemetry.metrics();
  if (!instruments) return;
  instruments.signInAttempts.add(1, errorCode ? { 'auth.method': via, 'auth.outcome': outcome, 'auth.error.code': errorCode } : { 'auth.method': via, 'auth.outcome': outcome });
}

/** A sign-in whose credentials did not hold (a wrong password, a provider callback refused). */
export function recordSignInFailure(via: SignInMethod, errorCode: string): void {
  recordSignIn(via, 'failure', errorCode);
}
