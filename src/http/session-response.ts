import type { AuthContext } from '../core/auth-context';
import type { ResponseDraft } from './route';

/**
 * Hands a new session to the client both ways better-auth does: the signed cookie for browsers, and the
 * signed token in `set-auth-token` for clients that use Bearer headers (exposed to trusted cross-origin
 * scripts by the CORS answer, see cors.ts).
 */
export function attachSession(auth: AuthContext, response: ResponseDraft, session: object, token: string, rememberMe = true): void {
  const expiresAt = auth.models.session.read(session, 'expiresAt');
  response.openedSession = session;
  response.openedToken = token;
  response.headers.push(
    ['set-cookie', auth.cookies.setCookie(token, expiresAt, rememberMe)],
    ['set-auth-token', auth.cookies.signed(token)],
  );
}
