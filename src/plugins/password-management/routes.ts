import { checkPassword, findCredentialAccount, passwordHashOf, storeCredentialPassword } from '../../core/credential-account';
import { userJson } from '../../core/entity-json';
import { assertFreshSession } from '../../core/fresh-session';
import { assertPasswordLength } from '../../core/password-policy';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { StatusResponse } from '../../http/response-dtos';
import { attachSession } from '../../http/session-response';
import { ChangePasswordDto, ChangePasswordResponse, SetPasswordDto } from './dtos';
import type { PasswordManagementPlugin } from './password-management-plugin';

/**
 * `POST /change-password` `{ currentPassword, newPassword, revokeOtherSessions? }` → `{ token, user }`.
 * With `revokeOtherSessions`, every session of the user ends (the current one too, as its token may be the
 * leaked one) and this client gets a new session: its token is in the answer and the cookie.
 */
export function changePasswordRoute(plugin: PasswordManagementPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/change-password',
    summary: 'Change the password, knowing the current one',
    body: ChangePasswordDto,
    session: 'required',
    response: { body: ChangePasswordResponse },
    errors: ['INVALID_PASSWORD', 'CREDENTIAL_ACCOUNT_NOT_FOUND', 'PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', 'TOO_MANY_REQUESTS'],
    handle: async (ctx, dto) => {
      const { user, token } = await ctx.requireSession();
      const { minPasswordLength, maxPasswordLength } = plugin.options;
      assertPasswordLength(dto.newPassword, minPasswordLength, maxPasswordLength);
      const userId = ctx.auth.models.user.read(user, 'id');
      const account = await findCredentialAccount(ctx.auth, userId);
      if (!account || !passwordHashOf(ctx.auth, account)) throw new AuthError('CREDENTIAL_ACCOUNT_NOT_FOUND');
      // Counted per account (429 past the bound); longer than any stored password is wrong without a hash.
      if ((await checkPassword(ctx.auth, userId, dto.currentPassword, maxPasswordLength)) !== 'ok') throw new AuthError('INVALID_PASSWORD');
      const newHash = await ctx.auth.hasher.hash(dto.newPassword);
      const accountId = ctx.auth.models.account.read(account, 'id');
      // The replacement session keeps the "remember me" choice of the one it replaces.
      const rememberMe = ctx.auth.sessions.isRemembered(token);
      const opened = await ctx.auth.db.transaction(async (tx) => {
        await tx.updateAccount(accountId, { password: newHash });
        if (!dto.revokeOtherSessions) return null;
        await ctx.auth.sessions.revokeAll(userId, undefined, tx);
        return ctx.auth.sessions.create(userId, ctx.client, { rememberMe }, tx);
      });
      await ctx.auth.hooks.passwordChanged({ userId });
      if (!opened) return { token: null, user: userJson(ctx.auth, user) };
      // The new session's cookie replaces the revoked one's.
      attachSession(ctx.auth, ctx.response, opened.session, opened.token, rememberMe);
      return { token: opened.token, user: userJson(ctx.auth, user) };
    },
  });
}

/**
 * `POST /set-password` `{ newPassword }` → `{ status: true }`: adds a password to a user who signed up
 * through another provider. Refused when the user already has one (change-password is for that), and
 * only from a fresh session, since it adds a way into the account.
 */
export function setPasswordRoute(plugin: PasswordManagementPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/set-password',
    summary: 'Add a password to an account that has none',
    body: SetPasswordDto,
    session: 'required',
    response: { body: StatusResponse },
    errors: ['PASSWORD_ALREADY_SET', 'SESSION_NOT_FRESH', 'PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG'],
    handle: async (ctx, dto) => {
      const { user, session } = await ctx.requireSession();
      assertFreshSession(ctx.auth, session);
      assertPasswordLength(dto.newPassword, plugin.options.minPasswordLength, plugin.options.maxPasswordLength);
      const userId = ctx.auth.models.user.read(user, 'id');
      if (passwordHashOf(ctx.auth, await findCredentialAccount(ctx.auth, userId))) throw new AuthError('PASSWORD_ALREADY_SET');
      await storeCredentialPassword(ctx.auth, userId, await ctx.auth.hasher.hash(dto.newPassword));
      return { status: true };
    },
  });
}
