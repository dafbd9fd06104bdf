import { UniqueConstraintError } from '../../../adapters/errors';
import { userJson } from '../../core/entity-json';
import { normaliseEmail } from '../../core/normalise-email';
import { noticeEmailChanged } from '../../email/email-changed-notice';
import { AuthError } from '../../errors/auth-error';
import { safeRedirectTarget } from '../../http/redirect-target';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { StatusUserResponse } from '../../http/response-dtos';
import { ChangeEmailDto } from './dtos';
import { assertIdentityProof } from './prove-identity';

/**
 * `POST /change-email` `{ newEmail, password?, callbackURL? }` → `{ status: true }`.
 * The caller proves to be the user first: the password, or a fresh session (as delete-user).
 * With email changes verified (the EmailVerificationPlugin installs `auth.hooks.emailChangeVerifier`), nothing changes yet: a verified current address is asked to
 * confirm first (better-auth's `sendChangeEmailConfirmation` step), then the new address gets a link, and
 * the change (verified) happens when it is followed. The answer is the same whether or not the address is
 * taken, and a taken address gets no email. Without that plugin the address changes at once, unverified,
 * and a taken one answers `USER_ALREADY_EXISTS` (as sign-up does). Either way the old address is told
 * once the change has happened.
 */
export function changeEmailRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/change-email',
    summary: "Change the caller's email address (verified first when email verification is installed)",
    body: ChangeEmailDto,
    session: 'required',
    response: { body: StatusUserResponse, description: '`user` is present only when the address changed at once' },
    errors: ['EMAIL_IS_THE_SAME', 'INVALID_EMAIL', 'USER_ALREADY_EXISTS', 'INVALID_CALLBACK_URL', 'SESSION_NOT_FRESH', 'INVALID_PASSWORD', 'CREDENTIAL_ACCOUNT_NOT_FOUND'],
    handle: async (ctx, dto) => {
      const active = await ctx.requireSession();
      const { user } = active;
      if (dto.callbackURL != null) safeRedirectTarget(ctx.auth, dto.callbackURL, 'INVALID_CALLBACK_URL');
      const model = ctx.auth.models.user;
      const newEmail = normaliseEmail(dto.newEmail);
      if (newEmail === model.read(user, 'email')) throw new AuthError('EMAIL_IS_THE_SAME');
      if (await ctx.auth.hooks.isReservedAddress(newEmail)) throw new AuthError('INVALID_EMAIL');
      await assertIdentityProof(ctx.auth, active, dto.password);

      const verifier = ctx.auth.hooks.emailChangeVerifier;
      if (verifier) {
        ctx.auth.tasks.run('change-email verification', async () => {
          if (await ctx.auth.db.getUserByEmail(newEmail)) return;
          await verifier.start(user, newEmail, dto.callbackURL ?? undefined);
        });
        return { status: true };
      }
      try {
        const updated = await ctx.auth.db.updateUser(model.read(user, 'id'), { email: newEmail, emailVerified: false });
        if (!updated) throw new AuthError('UNAUTHORIZED');
        const previous = model.read(user, 'email');
        if (previous !== null) noticeEmailChanged(ctx.auth, previous, newEmail);
        return { status: true, user: userJson(ctx.auth, updated) };
      } catch (error) {
        if (error instanceof UniqueConstraintError) throw new AuthError('USER_ALREADY_EXISTS');
        throw error;
      }
    },
  });
}
