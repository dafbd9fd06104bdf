import { claimAddress } from '../../core/address-claim';
import { userJson } from '../../core/entity-json';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { attachSession } from '../../http/session-response';
import { addressOf } from './address';
import { CheckVerificationOtpDto, SuccessResponse, VerifyEmailOtpDto, VerifyEmailOtpResponse } from './dtos';
import type { EmailOtpPlugin } from './email-otp-plugin';
import { EMAIL_OTP_ERRORS } from './error-codes';

const CODE_ERRORS = [EMAIL_OTP_ERRORS.INVALID_OTP, EMAIL_OTP_ERRORS.OTP_EXPIRED, EMAIL_OTP_ERRORS.TOO_MANY_ATTEMPTS, EMAIL_OTP_ERRORS.USER_NOT_FOUND];

/**
 * `POST /email-otp/verify-email` `{ email, otp }` → `{ status: true, token: null, user }` (a token and the session
 * cookie with `autoSignInAfterVerification`). Who proves the address decides what survives:
 * - the request carries a session of this very user: the person who set the account up proves they also hold
 *   the mailbox; the address is simply marked verified (their password and sessions stay);
 * - anyone else (no session, or another user's): the code proves only the mailbox, so the address is claimed
 *   (`claimAddress`): passwords, links and sessions set up on the unproven address go before it is verified.
 *   better-auth marks it verified and keeps them, which lets a squatter keep a password on the owner's account.
 */
export function verifyEmailOtpRoute(plugin: EmailOtpPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/email-otp/verify-email',
    summary: 'Verify an address with an emailed code',
    body: VerifyEmailOtpDto,
    session: 'optional',
    response: { body: VerifyEmailOtpResponse },
    errors: ['INVALID_EMAIL', ...CODE_ERRORS],
    handle: async (ctx, dto: VerifyEmailOtpDto) => {
      const auth = ctx.auth;
      const email = addressOf(dto.email);
      await plugin.codes.check('email-verification', email, dto.otp, 'use');
      const user = await auth.db.getUserByEmail(email);
      if (!user) throw new AuthError(EMAIL_OTP_ERRORS.USER_NOT_FOUND);
      const userId = auth.models.user.read(user, 'id');
      const active = await ctx.session();
      const ownSession = active !== null && auth.models.user.read(active.user, 'id') === userId;
      let verified: object | null = user;
      if (auth.models.user.read(user, 'emailVerified') !== true) {
        verified = ownSession ? await auth.db.updateUser(userId, { emailVerified: true }) : (await claimAddress(auth, userId)).user;
      }
      if (!verified) throw new AuthError(EMAIL_OTP_ERRORS.USER_NOT_FOUND);
      if (plugin.options.autoSignInAfterVerification && !ownSession) {
        const outcome = await auth.signIn.open(verified, { via: 'email-verification', client: ctx.client, response: ctx.response });
        if (outcome.kind === 'refused') throw outcome.error;
        if (outcome.kind === 'answer') return outcome.body;
        attachSession(auth, ctx.response, outcome.session, outcome.token, outcome.rememberMe);
        return { status: true, token: outcome.token, user: userJson(auth, verified) };
      }
      return { status: true, token: null, user: userJson(auth, verified) };
    },
  });
}

/**
 * `POST /email-otp/check-verification-otp` `{ email, type, otp }` → `{ success: true }`: tells whether the code
 * is right without spending it (a wrong one still counts against its tries and the address's limit). 400
 * `USER_NOT_FOUND` when no user has the address, as better-auth.
 */
export function checkVerificationOtpRoute(plugin: EmailOtpPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/email-otp/check-verification-otp',
    summary: 'Check an emailed code without using it',
    body: CheckVerificationOtpDto,
    response: { body: SuccessResponse },
    errors: ['INVALID_EMAIL', ...CODE_ERRORS],
    handle: async (ctx, dto: CheckVerificationOtpDto) => {
      const email = addressOf(dto.email);
      await plugin.codes.check(dto.type, email, dto.otp, 'keep');
      if (!(await ctx.auth.db.getUserByEmail(email))) throw new AuthError(EMAIL_OTP_ERRORS.USER_NOT_FOUND);
      return { success: true };
    },
  });
}
