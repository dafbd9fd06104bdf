import type { AuthContext } from '../../core/auth-context';
import type { AuthRequest } from '../../wire/auth-request';
import { parseCookies, serializeCookie } from '../../wire/cookies';

/**
 * The cookie that keeps an admin's own session token while they impersonate someone, signed like the
 * session cookie and with its attributes (HttpOnly: scripts never see the token). better-auth names it
 * `<prefix>.admin_session`, next to `<prefix>.session_token`.
 */
export function adminCookieName(auth: AuthContext): string {
  const sessionCookie = auth.config.session.cookieName;
  return sessionCookie.endsWith('session_token') ? `${sessionCookie.slice(0, -'session_token'.length)}admin_session` : `${sessionCookie}.admin_session`;
}

/** `Set-Cookie` holding the admin's session token; it ends with the browser session, or when impersonation stops. */
export function setAdminCookie(auth: AuthContext, adminToken: string): string {
  return serializeCookie(adminCookieName(auth), auth.signer.sign(adminToken), attributes(auth));
}

export function clearAdminCookie(auth: AuthContext): string {
  return serializeCookie(adminCookieName(auth), '', { ...attributes(auth), maxAgeSeconds: 0 });
}

/** The admin's session token from the request's cookie, or `null` when absent or not signed by this server. */
export function readAdminCookie(auth: AuthContext, request: AuthRequest): string | null {
  const signed = parseCookies(request.header('cookie')).get(adminCookieName(auth));
  return signed ? auth.signer.verify(signed) : null;
}

function attributes(auth: AuthContext) {
  const { session } = auth.config;
  return { domain: session.cookieDomain, secure: session.cookieSecure, httpOnly: session.cookieHttpOnly, sameSite: session.cookieSameSite };
}
