import { storeCredentialPassword } from '../../core/credential-account';
import { assertPasswordLength } from '../../core/password-policy';
import { AuthError } from '../../errors/auth-error';
import { Redirect } from '../../http/redirect';
import { safeRedirectTarget, withQuery } from '../../http/redirect-target';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { StatusMessageResponse, StatusResponse } from '../../http/response-dtos';
import { RequestPasswordResetDto, ResetPasswordCallbackQuery, ResetPasswordDto, ResetPasswordQuery, ResetTokenResponse } from './dtos';
import type { PasswordManagementPlugin } from './password-management-plugin';
import { resetTokenUser } from './reset-binding';

/** The answer whether or not the address has an account: better-auth's words. */
const RESET_REQUESTED = 'If this email exists in our system, check your email for the reset link';

/**
 * `POST /request-password-reset` (and its older name `/forget-password`) → `{ status: true, message }`.
 * The lookup, the token and the email all happen after the answer, so neither the answer nor its timing
 * tells whether the address has an account.
 */
export function requestPasswordResetRoutes(plugin: PasswordManagementPlugin): RouteDefinition[] {
  return ['/request-password-reset', '/forget-password'].map((path) =>
    defineRoute({
      method: 'POST',
      path,
      summary: path === '/forget-password' ? 'Email a password reset link (older name of /request-password-reset)' : 'Email a password reset link',
      body: RequestPasswordResetDto,
      response: { body: StatusMessageResponse },
      errors: ['INVALID_REDIRECT_URL'],
      handle: async (ctx, dto) => {
        if (dto.redirectTo != null) safeRedirectTarget(ctx.auth, dto.redirectTo, 'INVALID_REDIRECT_URL');
        ctx.auth.tasks.run('password reset email', () => plugin.sendResetEmail(dto.email, dto.redirectTo ?? undefined));
        return { status: true, message: RESET_REQUESTED };
      },
    }),
  );
}

/**
 * `GET /reset-password/:token?callbackURL=` — the emailed link. Redirects to `callbackURL?token=…` when the
 * token works, `callbackURL?error=INVALID_TOKEN` when it does not (as better-auth does); without a
 * callbackURL it answers `{ token }` or the error as JSON. The token is only looked at, not used up.
 */
export function resetPasswordCallbackRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/reset-password/:token',
    summary: 'Follow a password reset link: redirect to the app with the token',
    query: ResetPasswordCallbackQuery,
    response: { body: ResetTokenResponse, redirect: true },
    errors: ['INVALID_TOKEN', 'TOKEN_EXPIRED', 'INVALID_CALLBACK_URL'],
    handle: async (ctx, _dto, query) => {
      const target = query.callbackURL === undefined ? null : safeRedirectTarget(ctx.auth, query.callbackURL, 'INVALID_CALLBACK_URL');
      const token = ctx.params.token;
      const check = await ctx.auth.tokens.peek('reset-password', token);
      // A link made stale by a later password or address change shows no form either.
      const usable = check.ok && (await resetTokenUser(ctx.auth, check)) !== null;
      if (target) return new Redirect(withQuery(target, usable ? { token } : { error: 'INVALID_TOKEN' }));
      if (!check.ok) throw new AuthError(check.code);
      if (!usable) throw new AuthError('INVALID_TOKEN');
      return { token };
    },
  });
}

/**
 * `POST /reset-password` `{ newPassword, token }` → `{ status: true }`. The token is used up atomically
 * before any hashing, so of many concurrent uses exactly one sets a password; the user's sessions are then
 * revoked (unless configured otherwise). A user without a credential account gets one.
 */
export function resetPasswordRoute(plugin: PasswordManagementPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/reset-password',
    summary: 'Set a new password with a reset token',
    body: ResetPasswordDto,
    query: ResetPasswordQuery,
    response: { body: StatusResponse },
    errors: ['INVALID_TOKEN', 'TOKEN_EXPIRED', 'PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG'],
    handle: async (ctx, dto, query) => {
      const { minPasswordLength, maxPasswordLength, revokeSessionsOnPasswordReset } = plugin.options;
      const token = dto.token ?? query.token;
      if (!token) throw new AuthError('INVALID_TOKEN');
      assertPasswordLength(dto.newPassword, minPasswordLength, maxPasswordLength);
      const check = await ctx.auth.tokens.consume('reset-password', token);
      if (!check.ok) throw new AuthError(check.code);
      const bound = await resetTokenUser(ctx.auth, check);
      if (!bound) throw new AuthError('INVALID_TOKEN');
      const { userId } = bound;
      await storeCredentialPassword(ctx.auth, userId, await ctx.auth.hasher.hash(dto.newPassword));
      if (revokeSessionsOnPasswordReset) await ctx.auth.sessions.revokeAll(userId);
      return { status: true };
    },
  });
}
