import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { isAnonymousUser } from './anonymous-user';
import { DeleteAnonymousUserResponse } from './dtos';
import { ANONYMOUS_ERRORS } from './error-codes';
import type { ResolvedAnonymousOptions } from './options';

/**
 * `POST /delete-anonymous-user` → `{ success: true }`, the session cookie cleared: the caller's anonymous user
 * goes with its sessions and accounts, in one transaction. 400 `DELETE_ANONYMOUS_USER_DISABLED` with
 * `disableDeleteAnonymousUser`; 403 `USER_IS_NOT_ANONYMOUS` for anyone else (checked on the stored user, not a
 * cached copy, as better-auth's sensitive-session check does).
 */
export function deleteAnonymousUserRoute(options: ResolvedAnonymousOptions<object, object>): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/delete-anonymous-user',
    summary: "Delete the caller's anonymous user with its sessions",
    session: 'required',
    response: { body: DeleteAnonymousUserResponse },
    errors: [ANONYMOUS_ERRORS.DELETE_ANONYMOUS_USER_DISABLED, ANONYMOUS_ERRORS.USER_IS_NOT_ANONYMOUS],
    handle: async (ctx) => {
      const auth = ctx.auth;
      const { user } = await ctx.requireSession();
      if (options.disableDeleteAnonymousUser) throw new AuthError(ANONYMOUS_ERRORS.DELETE_ANONYMOUS_USER_DISABLED);
      const userId = auth.models.user.read(user, 'id');
      await auth.db.transaction(async (tx) => {
        const stored = await tx.getUserById(userId);
        if (!stored) throw new AuthError('UNAUTHORIZED');
        if (!isAnonymousUser(auth, stored)) throw new AuthError(ANONYMOUS_ERRORS.USER_IS_NOT_ANONYMOUS);
        // Through the session store, so a secondary storage forgets them too; accounts go with the user.
        await auth.sessions.revokeAll(userId, undefined, tx);
        await tx.deleteUser(userId);
      });
      ctx.endSession();
      return { success: true };
    },
  });
}
