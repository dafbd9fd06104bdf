import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import { clearSiblingCookie, readSiblingCookie, setSiblingCookie } from '../../http/sibling-cookie';
import type { AuthRequest } from '../../wire/auth-request';
import { PASSKEY_ERRORS } from './error-codes';

/** better-auth's cookie name (`better-auth.better-auth-passkey` beside the default session cookie). */
export const CHALLENGE_COOKIE = 'better-auth-passkey';

/** A ceremony is a token purpose of its own: a challenge issued for one never passes as the other. */
export type Ceremony = 'registration' | 'authentication';
export const CEREMONY_PURPOSES = { registration: 'passkey:registration', authentication: 'passkey:authentication' } as const;

/** What the server remembers of a ceremony it started: the challenge it sent and for whom ('' when signed out). */
export interface PendingCeremony {
  readonly challenge: string;
  readonly userId: string;
}

/**
 * Remembers a ceremony's challenge: stored single use under a random token (only its digest at rest, see
 * `VerificationTokens`), the token in a signed, short-lived cookie. Returns the `Set-Cookie`.
 */
export async function startCeremony(auth: AuthContext, ceremony: Ceremony, pending: PendingCeremony, maxAgeSeconds: number): Promise<string> {
  const token = await auth.tokens.issue(CEREMONY_PURPOSES[ceremony], { challenge: pending.challenge, userId: pending.userId }, maxAgeSeconds);
  return setSiblingCookie(auth, CHALLENGE_COOKIE, token, maxAgeSeconds);
}

/**
 * Takes the ceremony the request's cookie names, once: a second verification with the same cookie (a replay)
 * and a cookie of the other ceremony both find nothing: 400 `CHALLENGE_NOT_FOUND`. The challenge is spent
 * whether or not the response then verifies, so a failed attempt cannot be retried against it.
 */
export async function takeCeremony(auth: AuthContext, request: AuthRequest, ceremony: Ceremony): Promise<PendingCeremony> {
  const token = readSiblingCookie(auth, request, CHALLENGE_COOKIE);
  if (!token) throw new AuthError(PASSKEY_ERRORS.CHALLENGE_NOT_FOUND);
  const check = await auth.tokens.consume(CEREMONY_PURPOSES[ceremony], token);
  if (!check.ok || typeof check.payload.challenge !== 'string') throw new AuthError(PASSKEY_ERRORS.CHALLENGE_NOT_FOUND);
  return { challenge: check.payload.challenge, userId: check.payload.userId ?? '' };
}

/** Ends the cookie once its challenge is spent. */
export const clearChallengeCookie = (auth: AuthContext): string => clearSiblingCookie(auth, CHALLENGE_COOKIE);
