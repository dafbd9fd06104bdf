import type { AuthContext } from '../../core/auth-context';
import { clearSiblingCookie, readSiblingCookie, setSiblingCookie, siblingCookieName } from '../../http/sibling-cookie';
import type { AuthRequest } from '../../wire/auth-request';

/**
 * The cookie that keeps an admin's own session token while they impersonate someone, signed like the
 * session cookie and with its attributes (HttpOnly: scripts never see the token). better-auth names it
 * `<prefix>.admin_session`, next to `<prefix>.session_token`.
 */
const ADMIN_SESSION = 'admin_session';

export const adminCookieName = (auth: AuthContext): string => siblingCookieName(auth, ADMIN_SESSION);

/** `Set-Cookie` holding the admin's session token; it ends with the browser session, or when impersonation stops. */
export const setAdminCookie = (auth: AuthContext, adminToken: string): string => setSiblingCookie(auth, ADMIN_SESSION, adminToken);

export const clearAdminCookie = (auth: AuthContext): string => clearSiblingCookie(auth, ADMIN_SESSION);

/** The admin's session token from the request's cookie, or `null` when absent or not signed by this server. */
export const readAdminCookie = (auth: AuthContext, request: AuthRequest): string | null => readSiblingCookie(auth, request, ADMIN_SESSION);
