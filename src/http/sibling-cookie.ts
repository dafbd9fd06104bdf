import type { AuthContext } from '../core/auth-context';
import type { AuthRequest } from '../wire/auth-request';
import { parseCookies, serializeCookie } from '../wire/cookies';

/**
 * Cookies a plugin keeps beside the session cookie (`two_factor`, `trust_device`, `admin_session`,
 * `oauth_state`): named as better-auth names them (`better-auth.two_factor` next to `better-auth.session_token`,
 * or `<session cookie>.<name>` for a custom session cookie name), signed like it and with its attributes.
 */
export function siblingCookieName(auth: AuthContext, name: string): string {
  const session = auth.config.session.cookieName;
  return session.endsWith('session_token') ? `${session.slice(0, -'session_token'.length)}${name}` : `${session}.${name}`;
}

/** `Set-Cookie` with a signed value; without `maxAgeSeconds` it ends with the browser session. */
export function setSiblingCookie(auth: AuthContext, name: string, value: string, maxAgeSeconds?: number): string {
  return serializeCookie(siblingCookieName(auth, name), auth.signer.sign(value), { ...attributes(auth), ...(maxAgeSeconds === undefined ? {} : { maxAgeSeconds }) });
}

export function clearSiblingCookie(auth: AuthContext, name: string): string {
  return serializeCookie(siblingCookieName(auth, name), '', { ...attributes(auth), maxAgeSeconds: 0 });
}

/** The value of the cookie as this server signed it, or `null` when absent or not signed by it. */
export function readSiblingCookie(auth: AuthContext, request: AuthRequest | undefined, name: string): string | null {
  const signed = request ? parseCookies(request.header('cookie')).get(siblingCookieName(auth, name)) : undefined;
  return signed ? auth.signer.verify(signed) : null;
}

function attributes(auth: AuthContext) {
  const { session } = auth.config;
  return { domain: session.cookieDomain, secure: session.cookieSecure, httpOnly: session.cookieHttpOnly, sameSite: session.cookieSameSite };
}
