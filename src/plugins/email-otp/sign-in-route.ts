import { userJson } from '../../core/entity-json';
import { userForProvenAddress } from '../../core/proven-address-user';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { attachSession } from '../../http/session-response';
import { addressOf } from './address';
import { EmailOtpSignInResponse, SignInEmailOtpDto } from './dtos';
import type { EmailOtpPlugin } from './email-otp-plugin';
import { EMAIL_OTP_ERRORS } from './error-codes';

/**
 * `POST /sign-in/email-otp` `{ email, otp, name?, image? }` → `{ token, user }` and the session cookie. The code
 * is spent first; then the address's user is found (and claimed when its address was never verified: a
 * squatter's password and sessions go) or created verified, unless `disableSignUp` (400 `INVALID_OTP`, as
 * better-auth). The session opens through the sign-in pipeline: a ban refuses, two-factor answers
 * `{ twoFactorRedirect: true }` (better-auth asks no second factor here; a mailbox is one factor).
 */
export function signInEmailOtpRoute(plugin: EmailOtpPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/sign-in/email-otp',
    summary: 'Sign in (or up) with an emailed code',
    body: SignInEmailOtpDto,
    response: { body: EmailOtpSignInResponse },
    errors: ['INVALID_EMAIL', EMAIL_OTP_ERRORS.INVALID_OTP, EMAIL_OTP_ERRORS.OTP_EXPIRED, EMAIL_OTP_ERRORS.TOO_MANY_ATTEMPTS],
    handle: async (ctx, dto: SignInEmailOtpDto) => {
      const email = addressOf(dto.email);
      await plugin.codes.check('sign-in', email, dto.otp, 'use');
      const signUp = plugin.options.disableSignUp ? false : { name: dto.name ?? '', image: dto.image };
      const found = await userForProvenAddress(ctx.auth, email, signUp);
      if (!found.ok) throw new AuthError(EMAIL_OTP_ERRORS.INVALID_OTP);
      if (found.isNew) await ctx.auth.hooks.signedUp({ user: found.user });
      const outcome = await ctx.auth.signIn.open(found.user, { via: 'email-otp', client: ctx.client, rememberMe: dto.rememberMe, response: ctx.response });
      if (outcome.kind === 'refused') throw outcome.error;
      if (outcome.kind === 'answer') return outcome.body;
      attachSession(ctx.auth, ctx.response, outcome.session, outcome.token, outcome.rememberMe);
      return { token: outcome.token, user: userJson(ctx.auth, outcome.user) };
    },
  });
}
