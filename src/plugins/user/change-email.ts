import { UniqueConstraintError } from '../../../adapters/errors';
import { userJson } from '../../core/entity-json';
import { normaliseEmail } from '../../core/normalise-email';
import { AuthError } from '../../errors/auth-error';
import { safeRedirectTarget } from '../../http/redirect-target';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { StatusUserResponse } from '../../http/response-dtos';
import { EmailVerificationPlugin } from '../email-verification/email-verification-plugin';
import { ChangeEmailDto } from './dtos';

/**
 * `POST /change-email` `{ newEmail, callbackURL? }` → `{ status: true }`.
 * With the EmailVerificationPlugin installed, nothing changes yet: the new address gets a link, and the
 * change (verified) happens when it is followed. The answer is the same whether or not the address is
 * taken, and a taken address gets no email. Without that plugin the address changes at once, unverified,
 * and a taken one answers `USER_ALREADY_EXISTS` (as sign-up does).
 */
export function changeEmailRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/change-email',
    summary: "Change the caller's email address (verified first when email verification is installed)",
    body: ChangeEmailDto,
    session: 'required',
    response: { body: StatusUserResponse, description: '`user` is present only when the address changed at once' },
    errors: ['EMAIL_IS_THE_SAME', 'USER_ALREADY_EXISTS', 'INVALID_CALLBACK_URL'],
    handle: async (ctx, dto) => {
      const { user } = await ctx.requireSession();
      if (dto.callbackURL != null) safeRedirectTarget(ctx.auth, dto.callbackURL, 'INVALID_CALLBACK_URL');
      const model = ctx.auth.models.user;
      const newEmail = normaliseEmail(dto.newEmail);
      if (newEmail === model.read(user, 'email')) throw new AuthError('EMAIL_IS_THE_SAME');

      const verification = ctx.auth.findPlugin(EmailVerificationPlugin);
      if (verification) {
        ctx.auth.tasks.run('change-email verification', async () => {
          if (await ctx.auth.db.getUserByEmail(newEmail)) return;
          await verification.sendChangeEmailVerification(user, newEmail, dto.callbackURL ?? undefined);
        });
        return { status: true };
      }
      try {
        const updated = await ctx.auth.db.updateUser(model.read(user, 'id'), { email: newEmail, emailVerified: false });
        if (!updated) throw new AuthError('UNAUTHORIZED');
        return { status: true, user: userJson(ctx.auth, updated) };
      } catch (error) {
        if (error instanceof UniqueConstraintError) throw new AuthError('USER_ALREADY_EXISTS');
        throw error;
      }
    },
  });
}
