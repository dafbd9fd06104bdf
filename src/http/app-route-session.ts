import type { AuthContext } from '../core/auth-context';
import type { AuthRequest } from '../wire/auth-request';
import { assertTrustedOrigin } from './origin-check';

/** A session lookup for middleware: the typed pair, plus a cookie to re-send when the expiry slid forward. */
export interface ResolvedSession<U, S> {
  user: U;
  session: S;
  /** A `Set-Cookie` value to pass on, when the session was refreshed through its cookie. */
  refreshedCookie: string | null;
}

/**
 * What a framework integration checks sessions with: a built `Auth`, named by the two members used here so
 * this layer never imports the composition layer above it.
 */
export interface SessionSource<U, S> {
  readonly context: AuthContext;
  resolveSession(request: AuthRequest): Promise<ResolvedSession<U, S> | null>;
}

/**
 * The session on a request to one of the app's own routes, as every framework integration checks it: a
 * cookie-authenticated write must come from a trusted Origin (403 `INVALID_ORIGIN`, thrown), as on the auth
 * routes; then the session, or `null`. The caller passes on `refreshedCookie` and decides what `null` means.
 */
export async function appRouteSession<U extends object, S extends object>(
  auth: SessionSource<U, S>,
  request: AuthRequest,
  checkOrigin = true,
): Promise<ResolvedSession<U, S> | null> {
  // Only what the cookie authenticates can be forged by another site; safe methods pass inside the check.
  if (checkOrigin && auth.context.cookies.read(request)?.source === 'cookie') assertTrustedOrigin(request, auth.context);
  return auth.resolveSession(request);
}
