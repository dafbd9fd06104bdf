import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { LinkSocialDto, SignInSocialDto, SocialRedirectResponse } from './dtos';
import { SOCIAL_ERRORS } from './error-codes';
import type { ResolvedSocialSignInOptions } from './options';
import { providerNamed, startRedirect } from './start-flow';

/** `POST /sign-in/social` → `{ url, redirect: true }`: the provider's authorization URL, with the state cookie set. */
export function signInSocialRoute(options: ResolvedSocialSignInOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/sign-in/social',
    summary: 'Start a sign-in with a social provider',
    body: SignInSocialDto,
    response: { body: SocialRedirectResponse },
    errors: [SOCIAL_ERRORS.PROVIDER_NOT_FOUND, SOCIAL_ERRORS.ID_TOKEN_NOT_SUPPORTED, 'INVALID_CALLBACK_URL'],
    handle: async (ctx, dto: SignInSocialDto) => {
      if (dto.idToken !== undefined) {
        providerNamed(options, dto.provider);
        throw new AuthError(SOCIAL_ERRORS.ID_TOKEN_NOT_SUPPORTED);
      }
      return startRedirect(ctx, options, dto);
    },
  });
}

/** `POST /link-social` → `{ url, redirect: true }`: like sign-in, but the callback adds the account to the caller. */
export function linkSocialRoute(options: ResolvedSocialSignInOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/link-social',
    summary: 'Link a social provider account to the signed-in user',
    body: LinkSocialDto,
    session: 'required',
    response: { body: SocialRedirectResponse },
    errors: [SOCIAL_ERRORS.PROVIDER_NOT_FOUND, SOCIAL_ERRORS.ID_TOKEN_NOT_SUPPORTED, 'INVALID_CALLBACK_URL'],
    handle: async (ctx, dto: LinkSocialDto) => {
      const { user } = await ctx.requireSession();
      if (dto.idToken !== undefined) {
        providerNamed(options, dto.provider);
        throw new AuthError(SOCIAL_ERRORS.ID_TOKEN_NOT_SUPPORTED);
      }
      return startRedirect(ctx, options, dto, ctx.auth.models.user.read(user, 'id'));
    },
  });
}
