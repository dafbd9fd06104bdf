import type { Auth, ResolvedSession } from '../auth';
import type { AuthRequest } from '../wire/auth-request';
import { assertTrustedOrigin } from './origin-check';

/**
 * The session on a request to one of the app's own routes, as every framework integration checks it: a
 * cookie-authenticated write must come from a trusted Origin (403 `INVALID_ORIGIN`, thrown), as on the auth
 * routes; then the session, or `null`. The caller passes on `refreshedCookie` and decides what `null` means.
 */
export async function appRouteSession<U extends object, S extends object>(
  auth: Auth<U, S>,
  request: AuthRequest,
  checkOrigin = true,
): Promise<ResolvedSession<U, S> | null> {
  // Only what the cookie authenticates can be forged by another site; safe methods pass inside the check.
  if (checkOrigin && auth.context.cookies.read(request)?.source === 'cookie') assertTrustedOrigin(request, auth.context);
  return auth.resolveSession(request);
}
