import { AuthError } from '../../errors/auth-error';
import { safeRedirectTarget } from '../../http/redirect-target';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { LinkSocialDto, SignInSocialDto, SocialRedirectResponse } from './dtos';
import { SOCIAL_ERRORS } from './error-codes';
import type { ResolvedSocialSignInOptions } from './options';
import type { AccountTokens } from './account-tokens';
import { signInWithIdToken } from './id-token-sign-in';
import { providerNamed, startRedirect } from './start-flow';

/** `POST /sign-in/social` → `{ url, redirect: true }`: the provider's authorization URL, with the state cookie set. */
export function signInSocialRoute(options: ResolvedSocialSignInOptions, tokens: AccountTokens): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/sign-in/social',
    summary: 'Start a sign-in with a social provider',
    body: SignInSocialDto,
    response: { body: SocialRedirectResponse },
    errors: [
      SOCIAL_ERRORS.PROVIDER_NOT_FOUND,
      SOCIAL_ERRORS.ID_TOKEN_NOT_SUPPORTED,
      SOCIAL_ERRORS.INVALID_ID_TOKEN,
      SOCIAL_ERRORS.USER_EMAIL_NOT_FOUND,
      SOCIAL_ERRORS.OAUTH_LINK_ERROR,
      SOCIAL_ERRORS.PROVIDER_UNAVAILABLE,
      'INVALID_CALLBACK_URL',
    ],
    handle: async (ctx, dto: SignInSocialDto) => {
      if (dto.idToken !== undefined) {
        const callbackURL = dto.callbackURL === undefined ? undefined : safeRedirectTarget(ctx.auth, dto.callbackURL, 'INVALID_CALLBACK_URL');
        return signInWithIdToken(ctx, options, tokens, dto.provider, dto.idToken, callbackURL);
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
    errors: [SOCIAL_ERRORS.PROVIDER_NOT_FOUND, SOCIAL_ERRORS.ID_TOKEN_NOT_SUPPORTED, SOCIAL_ERRORS.PROVIDER_UNAVAILABLE, 'INVALID_CALLBACK_URL'],
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
