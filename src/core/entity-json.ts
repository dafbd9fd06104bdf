import type { AuthContext } from './auth-context';
import { serialiseDates } from './json-date';

/**
 * How entities leave the server: standard field names (whatever property holds them) plus custom fields.
 * Every answer that contains a user or a session is built here, so what is left out is decided once.
 * Dates are already their JSON text (see json-date.ts): these objects exist only to be serialised.
 */
export function userJson(auth: AuthContext, user: object): Record<string, unknown> {
  return serialiseDates(auth.models.user.toValues(user));
}

/**
 * A session as JSON. `token` is whatever the caller may see: its own raw token for its current session, or
 * the stored digest for the others (useless as a credential, but usable with revoke-session).
 */
export function sessionJson(auth: AuthContext, session: object, token: string): Record<string, unknown> {
  const values = auth.models.session.toValues(session);
  values.token = token;
  return serialiseDates(values);
}
