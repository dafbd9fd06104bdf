import { UniqueConstraintError } from '../../../adapters/errors';
import { userJson } from '../../core/entity-json';
import { normaliseEmail } from '../../core/normalise-email';
import { noticeEmailChanged } from '../../email/email-changed-notice';
import { AuthError } from '../../errors/auth-error';
import type { ErrorCode } from '../../errors/error-codes';
import { Redirect } from '../../http/redirect';
import { safeRedirectTarget, withQuery } from '../../http/redirect-target';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { StatusResponse } from '../../http/response-dtos';
import { attachSession } from '../../http/session-response';
import { SendVerificationEmailDto, VerifyEmailQuery, VerifyEmailResponse } from './dtos';
import { CONFIRM_CURRENT_ADDRESS, type EmailVerificationPlugin } from './email-verification-plugin';

/**
 * `POST /send-verification-email` `{ email, callbackURL? }` → `{ status: true }`. Signed in, the email must
 * be the caller's own and not yet verified. Signed out, the answer is the same whatever the address: the
 * lookup and the email happen after it.
 */
export function sendVerificationEmailRoute(plugin: EmailVerificationPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/send-verification-email',
    summary: 'Email a link that verifies the address',
    body: SendVerificationEmailDto,
    session: 'optional',
    response: { body: StatusResponse },
    errors: ['EMAIL_MISMATCH', 'EMAIL_ALREADY_VERIFIED', 'INVALID_CALLBACK_URL'],
    handle: async (ctx, dto) => {
      if (dto.callbackURL != null) safeRedirectTarget(ctx.auth, dto.callbackURL, 'INVALID_CALLBACK_URL');
      const email = normaliseEmail(dto.email);
      const active = await ctx.session();
      if (active) {
        if (ctx.auth.models.user.read(active.user, 'email') !== email) throw new AuthError('EMAIL_MISMATCH');
        if (plugin.isVerified(active.user)) throw new AuthError('EMAIL_ALREADY_VERIFIED');
        ctx.auth.tasks.run('verification email', () => plugin.sendVerificationEmail(active.user, dto.callbackURL ?? undefined));
        return { status: true };
      }
      ctx.auth.tasks.run('verification email', async () => {
        const user = await ctx.auth.db.getUserByEmail(email);
        if (user && !plugin.isVerified(user)) await plugin.sendVerificationEmail(user, dto.callbackURL ?? undefined);
      });
      return { status: true };
    },
  });
}

/**
 * `GET /verify-email?token=…&callbackURL=…` — the emailed link. Uses the token up, then either marks the
 * address verified; or, for a change-email confirmation followed from the current address, emails the new
 * address its own link; or, for a change-email link, makes the new address the user's (verified) and tells
 * the old one. With a callbackURL it redirects there (adding `?error=CODE` on failure); without, it answers
 * JSON. It signs in (`autoSignInAfterVerification`) only a browser that has no session.
 */
export function verifyEmailRoute(plugin: EmailVerificationPlugin): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/verify-email',
    summary: 'Follow a verification link: verify the address, or apply an email change',
    query: VerifyEmailQuery,
    session: 'optional',
    response: { body: VerifyEmailResponse, redirect: true },
    errors: ['INVALID_TOKEN', 'TOKEN_EXPIRED', 'USER_ALREADY_EXISTS', 'INVALID_CALLBACK_URL'],
    handle: async (ctx, _dto, query) => {
      const target = query.callbackURL === undefined ? null : safeRedirectTarget(ctx.auth, query.callbackURL, 'INVALID_CALLBACK_URL');
      const fail = (code: ErrorCode) => {
        if (target) return new Redirect(withQuery(target, { error: code }));
        throw new AuthError(code);
      };
      const check = await ctx.auth.tokens.consume('verify-email', query.token);
      if (!check.ok) return fail(check.code);
      const { userId, email, replaces, step } = check.payload;
      const model = ctx.auth.models.user;
      const user = userId ? await ctx.auth.db.getUserById(userId) : null;
      // The link speaks for the address the user had when it was sent; a later change makes it stale.
      if (!user || !email || model.read(user, 'email') !== (replaces ?? email)) return fail('INVALID_TOKEN');
      if (step === CONFIRM_CURRENT_ADDRESS) {
        // The current address agreed: now the new one must prove it is reachable. No session is opened here.
        ctx.auth.tasks.run('change-email verification', async () => {
          if (await ctx.auth.db.getUserByEmail(email)) return;
          await plugin.sendChangeEmailVerification(user, email, query.callbackURL);
        });
        return target ? new Redirect(target) : { status: true, user: null };
      }

      let changed: object | null = null;
      let verified: object = user;
      if (replaces !== undefined) {
        try {
          changed = await ctx.auth.db.updateUser(userId, { email, emailVerified: true });
        } catch (error) {
          if (error instanceof UniqueConstraintError) return fail('USER_ALREADY_EXISTS'); // taken since the link was sent
          throw error;
        }
        if (!changed) return fail('INVALID_TOKEN');
        noticeEmailChanged(ctx.auth, replaces, email);
      } else if (!plugin.isVerified(user)) {
        verified = (await ctx.auth.db.updateUser(userId, { emailVerified: true })) ?? user;
      }

      if (plugin.options.autoSignInAfterVerification) {
        // Only a browser with no session is signed in: anyone can make a signed-in victim open their own
        // link, and replacing the victim's session with theirs would be a login CSRF.
        const active = await ctx.session();
        if (!active) {
          // Never replaces a session the browser has (no login CSRF through an attacker's own link).
          // Through the sign-in pipeline like any sign-in (bans apply); a step that refuses or asks for more
          // leaves the user verified but signed out, to sign in the ordinary way.
          const opened = await ctx.auth.signIn.open(changed ?? verified, { via: 'email-verification', client: ctx.client, response: ctx.response });
          if (opened.kind === 'session') attachSession(ctx.auth, ctx.response, opened.session, opened.token);
        }
      }
      if (target) return new Redirect(target);
      return { status: true, user: changed ? userJson(ctx.auth, changed) : null };
    },
  });
}
