import type { AuthContext } from '../../core/auth-context';
import type { AuthRequest } from '../../wire/auth-request';
import { parseCookies, serializeCookie } from '../../wire/cookies';

/** The plugin's two cookies, named as better-auth names them next to its session cookie. */
export type TwoFactorCookie = 'two_factor' | 'trust_device';

/** `better-auth.two_factor` beside `better-auth.session_token` (or `<session cookie>.two_factor` for a custom name). */
export function cookieName(auth: AuthContext, cookie: TwoFactorCookie): string {
  const session = auth.config.session.cookieName;
  return session.endsWith('session_token') ? `${session.slice(0, -'session_token'.length)}${cookie}` : `${session}.${cookie}`;
}

/** `Set-Cookie` with a signed value, the session cookie's attributes (HttpOnly, Secure, SameSite) and `maxAgeSeconds`. */
export function setSignedCookie(auth: AuthContext, cookie: TwoFactorCookie, value: string, maxAgeSeconds: number): string {
  return serializeCookie(cookieName(auth, cookie), auth.signer.sign(value), { ...attributes(auth), maxAgeSeconds });
}

export function clearCookie(auth: AuthContext, cookie: TwoFactorCookie): string {
  return serializeCookie(cookieName(auth, cookie), '', { ...attributes(auth), maxAgeSeconds: 0 });
}

/** The value of a cookie this server signed, or `null` when absent or not signed by it. */
export function readSignedCookie(auth: AuthContext, request: AuthRequest | undefined, cookie: TwoFactorCookie): string | null {
  const signed = request ? parseCookies(request.header('cookie')).get(cookieName(auth, cookie)) : undefined;
  return signed ? auth.signer.verify(signed) : null;
}

function attributes(auth: AuthContext) {
  const { session } = auth.config;
  return { domain: session.cookieDomain, secure: session.cookieSecure, httpOnly: session.cookieHttpOnly, sameSite: session.cookieSameSite };
}
