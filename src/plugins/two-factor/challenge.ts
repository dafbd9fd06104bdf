import { randomBytes } from 'node:crypto';
import type { AuthContext } from '../../core/auth-context';
import { digestToken } from '../../crypto/session-token';
import { AuthError } from '../../errors/auth-error';
import { TWO_FACTOR_ERRORS } from './error-codes';
import { peekValue, putValue, takeValue } from './verification-values';

/** A sign-in waiting for its second factor: who, the sign-in's `rememberMe`, and the wrong codes so far. */
interface PendingSignIn {
  userId: string;
  rememberMe: boolean;
  attempts: number;
}

/** One verification under way: how it ends if the code is wrong, or if checking it failed for another reason. */
export interface ChallengeAttempt {
  readonly userId: string;
  readonly rememberMe: boolean;
  /** The code was wrong: the challenge lives on with one attempt fewer. */
  failed(): Promise<void>;
  /** The check itself failed (not the user's fault): the challenge lives on unchanged. */
  restore(): Promise<void>;
}

/*
 * The pending challenge is a random token in the signed `two_factor` cookie; the verification table holds only
 * its digest (`two-factor:challenge:<sha256>`), so a leaked row cannot be presented.
 */
const identifier = (token: string) => `two-factor:challenge:${digestToken(token)}`;

/** Starts a challenge for a user who proved their password; returns the token for the cookie. */
export async function openChallenge(auth: AuthContext, userId: string, rememberMe: boolean, maxAgeSeconds: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const pending: PendingSignIn = { userId, rememberMe, attempts: 0 };
  await putValue(auth, identifier(token), pending, new Date(Date.now() + maxAgeSeconds * 1000));
  return token;
}

/** The user a challenge is for, without spending an attempt (sending an OTP); `null` when it is unknown or over. */
export async function challengeUser(auth: AuthContext, token: string): Promise<string | null> {
  return (await peekValue<PendingSignIn>(auth, identifier(token)))?.value.userId ?? null;
}

/** A stable key for what belongs to one challenge (its emailed code). */
export function challengeKey(token: string): string {
  return digestToken(token);
}

/**
 * Takes the challenge for one verification. The record is consumed (so racing verifications with one cookie
 * are serialised: the others answer `INVALID_TWO_FACTOR_COOKIE`) and put back on a wrong code with the count
 * raised; a right code leaves it consumed, so the challenge opens one session only. Past `allowedAttempts`
 * the challenge is gone: 400 `TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE`, and the user signs in again.
 */
export async function beginAttempt(auth: AuthContext, token: string, allowedAttempts: number): Promise<ChallengeAttempt> {
  const id = identifier(token);
  const taken = await takeValue<PendingSignIn>(auth, id);
  if (!taken || typeof taken.value.userId !== 'string') throw new AuthError(TWO_FACTOR_ERRORS.INVALID_TWO_FACTOR_COOKIE);
  const { value, expiresAt } = taken;
  if (!(value.attempts < allowedAttempts)) throw new AuthError(TWO_FACTOR_ERRORS.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE);
  const putBack = (attempts: number) => putValue(auth, id, { ...value, attempts }, expiresAt);
  return {
    userId: value.userId,
    rememberMe: value.rememberMe !== false,
    failed: () => putBack(value.attempts + 1),
    restore: () => putBack(value.attempts),
  };
}
