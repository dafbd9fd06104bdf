import type { AuthContext } from '../../core/auth-context';
import type { ActiveSession } from '../../core/session-service';
import { AuthError } from '../../errors/auth-error';
import { Redirect } from '../../http/redirect';
import { safeRedirectTarget } from '../../http/redirect-target';
import { defineRoute, type RouteContext, type RouteDefinition } from '../../http/route';
import { SuccessMessageResponse } from '../../http/response-dtos';
import { DeleteUserCallbackQuery, DeleteUserDto } from './dtos';
import { assertIdentityProof } from './prove-identity';
import type { UserPlugin } from './user-plugin';

/**
 * `POST /delete-user` `{ password?, token?, callbackURL? }` → `{ success: true, message }`.
 * - with `token` (from the confirmation email): deletes, if the token was issued to this user;
 * - otherwise the caller proves it is the user: the right `password`, or without one a fresh session;
 *   then, with `sendDeleteConfirmation`, a link is emailed ("Verification email sent"), else the user is
 *   deleted at once ("User deleted").
 */
export function deleteUserRoute(plugin: UserPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/delete-user',
    summary: "Delete the caller's user with its sessions, accounts and memberships",
    body: DeleteUserDto,
    session: 'required',
    response: { body: SuccessMessageResponse },
    errors: ['INVALID_PASSWORD', 'CREDENTIAL_ACCOUNT_NOT_FOUND', 'SESSION_NOT_FRESH', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'INVALID_CALLBACK_URL'],
    handle: async (ctx, dto) => {
      const active = await ctx.requireSession();
      const userId = ctx.auth.models.user.read(active.user, 'id');
      if (dto.callbackURL != null) safeRedirectTarget(ctx.auth, dto.callbackURL, 'INVALID_CALLBACK_URL');
      if (dto.token !== undefined) {
        await consumeDeleteToken(ctx.auth, dto.token, userId);
        await deleteNow(plugin, ctx, active);
        return { success: true, message: 'User deleted' };
      }
      await assertIdentityProof(ctx.auth, active, dto.password);
      if (plugin.options.sendDeleteConfirmation) {
        ctx.auth.tasks.run('delete-account confirmation', () => plugin.sendDeleteConfirmation(active.user, dto.callbackURL ?? undefined));
        return { success: true, message: 'Verification email sent' };
      }
      await deleteNow(plugin, ctx, active);
      return { success: true, message: 'User deleted' };
    },
  });
}

/** `GET /delete-user/callback?token=…&callbackURL=…` — the emailed confirmation link; needs the user's session. */
export function deleteUserCallbackRoute(plugin: UserPlugin): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/delete-user/callback',
    summary: 'Follow an account deletion link: delete the signed-in user',
    query: DeleteUserCallbackQuery,
    session: 'required',
    response: { body: SuccessMessageResponse, redirect: true },
    errors: ['INVALID_TOKEN', 'TOKEN_EXPIRED', 'INVALID_CALLBACK_URL'],
    handle: async (ctx, _dto, query) => {
      const active = await ctx.requireSession();
      const target = query.callbackURL === undefined ? null : safeRedirectTarget(ctx.auth, query.callbackURL, 'INVALID_CALLBACK_URL');
      await consumeDeleteToken(ctx.auth, query.token, ctx.auth.models.user.read(active.user, 'id'));
      await deleteNow(plugin, ctx, active);
      return target ? new Redirect(target) : { success: true, message: 'User deleted' };
    },
  });
}

/** Uses a deletion token up; one issued to another user is refused (and burnt: it was exposed). */
async function consumeDeleteToken(auth: AuthContext, token: string, userId: string): Promise<void> {
  const check = await auth.tokens.consume('delete-account', token);
  if (!check.ok) throw new AuthError(check.code);
  if (check.payload.userId !== userId) throw new AuthError('INVALID_TOKEN');
}

/** Runs the delete callbacks around the adapter's cascading delete, and ends this client's session. */
async function deleteNow(plugin: UserPlugin, ctx: RouteContext, active: ActiveSession): Promise<void> {
  const { beforeDelete, afterDelete } = plugin.options;
  if (beforeDelete) await beforeDelete(active.user);
  const userId = ctx.auth.models.user.read(active.user, 'id');
  // Through the session store first, so a secondary storage forgets them too; the adapter contract then
  // deletes the rest (accounts, memberships, sent invitations) with the user.
  await ctx.auth.sessions.revokeAll(userId);
  await ctx.auth.db.deleteUser(userId);
  ctx.endSession();
  if (afterDelete) await afterDelete(active.user);
}
