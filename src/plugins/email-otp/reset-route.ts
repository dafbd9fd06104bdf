import { claimAddress } from '../../core/address-claim';
import { storeCredentialPassword } from '../../core/credential-account';
import { assertPasswordLength } from '../../core/password-policy';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { addressOf } from './address';
import { ResetPasswordOtpDto, SuccessResponse } from './dtos';
import type { EmailOtpPlugin } from './email-otp-plugin';
import { EMAIL_OTP_ERRORS } from './error-codes';

/**
 * `POST /email-otp/reset-password` `{ email, otp, password }` → `{ success: true }`. The password's length is
 * checked before the code is spent. A user whose address was never verified is claimed first (a squatter's
 * password, links and sessions go; the code proved the mailbox). Then the new password is stored and, by
 * default, every other session of the user ends (better-auth keeps them): whoever knew the old password
 * should not stay signed in. The caller's own session, if it is the user's, stays.
 */
export function resetPasswordOtpRoute(plugin: EmailOtpPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/email-otp/reset-password',
    summary: 'Set a new password with an emailed code',
    body: ResetPasswordOtpDto,
    session: 'optional',
    response: { body: SuccessResponse },
    errors: ['INVALID_EMAIL', 'PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', EMAIL_OTP_ERRORS.INVALID_OTP, EMAIL_OTP_ERRORS.OTP_EXPIRED, EMAIL_OTP_ERRORS.TOO_MANY_ATTEMPTS, EMAIL_OTP_ERRORS.USER_NOT_FOUND],
    handle: async (ctx, dto: ResetPasswordOtpDto) => {
      const auth = ctx.auth;
      const email = addressOf(dto.email);
      assertPasswordLength(dto.password, plugin.options.minPasswordLength, plugin.options.maxPasswordLength);
      await plugin.codes.check('forget-password', email, dto.otp, 'use');
      const user = await auth.db.getUserByEmail(email);
      if (!user) throw new AuthError(EMAIL_OTP_ERRORS.USER_NOT_FOUND);
      const userId = auth.models.user.read(user, 'id');
      const hash = await auth.hasher.hash(dto.password);
      if (auth.models.user.read(user, 'emailVerified') !== true) await claimAddress(auth, userId);
      await storeCredentialPassword(auth, userId, hash);
      if (plugin.options.revokeSessionsOnPasswordReset) {
        const active = await ctx.session();
        const own = active && auth.models.user.read(active.user, 'id') === userId ? auth.models.session.read(active.session, 'id') : undefined;
        await auth.sessions.revokeAll(userId, own);
      }
      return { success: true };
    },
  });
}
