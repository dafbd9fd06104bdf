import { normaliseEmail } from '../../core/normalise-email';
import { authURL } from '../../http/auth-url';
import { safeRedirectTarget } from '../../http/redirect-target';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { StatusResponse } from '../../http/response-dtos';
import { SignInMagicLinkDto } from './dtos';
import { deliverMagicLink, MAGIC_LINK_PURPOSE } from './email';
import type { ResolvedMagicLinkOptions } from './options';

/**
 * `POST /sign-in/magic-link` `{ email, name?, callbackURL?, newUserCallbackURL?, errorCallbackURL? }` →
 * `{ status: true }`, and a link `…/magic-link/verify?token=…&callbackURL=…` to the address. The answer is the
 * same for every address (nothing is looked up: the link itself finds or creates the user), so it tells
 * nobody who has an account. Every redirect target is checked before anything is stored or sent (403
 * `INVALID_CALLBACK_URL`): a link that would send its reader off-site is never mailed.
 */
export function sendMagicLinkRoute(options: ResolvedMagicLinkOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/sign-in/magic-link',
    summary: 'Email a link that signs the address in (and up)',
    body: SignInMagicLinkDto,
    response: { body: StatusResponse },
    errors: ['INVALID_CALLBACK_URL'],
    handle: async (ctx, dto: SignInMagicLinkDto) => {
      for (const target of [dto.callbackURL, dto.newUserCallbackURL, dto.errorCallbackURL]) {
        if (target) safeRedirectTarget(ctx.auth, target, 'INVALID_CALLBACK_URL');
      }
      const email = normaliseEmail(dto.email);
      // The same answer, but no link for a reserved placeholder (not even through the app's own sendMagicLink).
      if (await ctx.auth.hooks.isReservedAddress(email)) return { status: true };
      const payload: Record<string, string> = { email };
      if (dto.name !== undefined) payload.name = dto.name;
      const token = await ctx.auth.tokens.issue(MAGIC_LINK_PURPOSE, payload, options.expiresIn);
      const url = authURL(ctx.auth, '/magic-link/verify', {
        token,
        callbackURL: dto.callbackURL || '/',
        newUserCallbackURL: dto.newUserCallbackURL || undefined,
        errorCallbackURL: dto.errorCallbackURL || undefined,
      });
      ctx.auth.tasks.run('magic link', () => deliverMagicLink(ctx.auth, options, email, url, token));
      return { status: true };
    },
  });
}
