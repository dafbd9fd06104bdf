import type { AuthContext } from './auth-context';

/**
 * How entities leave the server: standard field names (whatever property holds them) plus custom fields.
 * Every answer that contains a user or a session is built here, so what is left out is decided once.
 */
export function userJson(auth: AuthContext, user: object): Record<string, unknown> {
  return auth.models.user.toValues(user);
}

/**
 * A session as JSON. `token` is whatever the caller may see: its own raw token for its current session, or
 * the stored digest for the others (useless as a credential, but usable with revoke-session).
 */
export function sessionJson(auth: AuthContext, session: object, token: string): Record<string, unknown> {
  const values = auth.models.session.toValues(session);
  values.token = token;
  return values;
}
