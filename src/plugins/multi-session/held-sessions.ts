import type { AuthContext } from '../../core/auth-context';
import { digestToken, looksLikeDigest } from '../../crypto/session-token';
import type { AuthRequest } from '../../wire/auth-request';
import { parseCookies, serializeCookie } from '../../wire/cookies';

/** A multi-session cookie the browser presented, signed by this server: its name and the raw token inside. */
export interface HeldSession {
  readonly cookieName: string;
  readonly token: string;
}

/**
 * better-auth's name for the cookie of one held session: the session cookie's name (with its `__Secure-`
 * prefix when cookies are secure), `_multi-`, and the token in lower case. The value is the signed token, as
 * in the session cookie.
 * @example
 * multiCookieName(auth, 'AbC'); // 'better-auth.session_token_multi-abc'
 */
export function multiCookieName(auth: AuthContext, token: string): string {
  return `${auth.config.session.cookieName}_multi-${token.toLowerCase()}`;
}

/**
 * The sessions this browser holds: every multi-session cookie under an accepted session cookie name (only
 * `__Secure-` ones when cookies are secure) whose signature this server made. Forged or foreign cookies
 * count for nothing.
 */
export function heldSessions(auth: AuthContext, request: AuthRequest | undefined): HeldSession[] {
  const header = request?.header('cookie');
  if (!header) return [];
  const prefixes = auth.config.session.cookieNamesAccepted.map((name) => `${name}_multi-`);
  const held: HeldSession[] = [];
  for (const [cookieName, value] of parseCookies(header)) {
    if (!prefixes.some((prefix) => cookieName.startsWith(prefix))) continue;
    const token = value ? auth.signer.verify(value) : null;
    if (token) held.push({ cookieName, token });
  }
  return held;
}

/**
 * The held session a client names: by its raw token or by the digest list-device-sessions showed. Only
 * sessions this browser holds can be named, so another account's token gets nothing.
 */
export function findHeld(held: readonly HeldSession[], named: string): HeldSession | undefined {
  const byDigest = looksLikeDigest(named);
  return held.find((entry) => entry.token === named || (byDigest && digestToken(entry.token) === named));
}

/**
 * `Set-Cookie` for a held session, with the session cookie's attributes. It lasts as long as the session, and
 * like the session cookie ends with the browser for a "don't remember me" session (better-auth makes it
 * persistent regardless, which would outlive the browser session it belongs to).
 */
export function setHeldCookie(auth: AuthContext, token: string, expiresAt: Date): string {
  const persistent = auth.sessions.isRemembered(token);
  return serializeCookie(multiCookieName(auth, token), auth.signer.sign(token), {
    ...attributes(auth),
    maxAgeSeconds: persistent ? Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)) : undefined,
  });
}

/** `Set-Cookie` that removes a held session's cookie under the name the browser sent it by. */
export function clearHeldCookie(auth: AuthContext, cookieName: string): string {
  return serializeCookie(cookieName, '', { ...attributes(auth), maxAgeSeconds: 0 });
}

function attributes(auth: AuthContext) {
  const { session } = auth.config;
  return { domain: session.cookieDomain, secure: session.cookieSecure, httpOnly: session.cookieHttpOnly, sameSite: session.cookieSameSite };
}
