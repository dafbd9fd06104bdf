import type { ActiveSession } from '../../core/session-service';
import { AuthError } from '../../errors/auth-error';
import type { RouteContext } from '../../http/route';
import { challengeUser } from './challenge';
import { readSignedCookie } from './cookies';
import { TWO_FACTOR_ERRORS } from './error-codes';

/**
 * Who presents a code: a signed-in user (setting up or checking a factor), or a sign-in waiting for its
 * second factor, known by the signed `two_factor` cookie.
 */
export type Verifier =
  | { readonly kind: 'session'; readonly user: object; readonly userId: string; readonly active: ActiveSession }
  | { readonly kind: 'sign-in'; readonly user: object; readonly userId: string; readonly token: string };

/** The caller's session if any, otherwise the pending sign-in; 401 `INVALID_TWO_FACTOR_COOKIE` when neither. */
export async function resolveVerifier(ctx: RouteContext): Promise<Verifier> {
  const { auth } = ctx;
  const active = await ctx.session();
  if (active) return { kind: 'session', user: active.user, userId: auth.models.user.read(active.user, 'id'), active };
  const token = readSignedCookie(auth, ctx.request, 'two_factor');
  const userId = token ? await challengeUser(auth, token) : null;
  const user = userId ? await auth.db.getUserById(userId) : null;
  if (!token || !userId || !user) throw new AuthError(TWO_FACTOR_ERRORS.INVALID_TWO_FACTOR_COOKIE);
  return { kind: 'sign-in', user, userId, token };
}
