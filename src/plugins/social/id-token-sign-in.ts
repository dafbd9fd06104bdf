import { AuthError } from '../../errors/auth-error';
import type { RouteContext } from '../../http/route';
import { signInAnswer } from '../../http/sign-in-answer';
import type { AccountTokens } from './account-tokens';
import type { IdTokenDto } from './dtos';
import { SOCIAL_ERRORS } from './error-codes';
import type { ResolvedSocialSignInOptions } from './options';
import { ProviderError, type ProviderTokens } from './provider';
import { providerUnavailable } from './provider-unavailable';
import { userForProfile } from './sign-in-profile';
import { providerNamed } from './start-flow';

/**
 * `POST /sign-in/social` with `idToken`: no redirect, the client already holds the provider's ID token. The token
 * is verified (see `IdTokenVerifier`), then the profile signs a user in or up exactly as a callback would (same
 * linking rules, same sign-in pipeline), and the answer is the JSON of every sign-in route.
 */
export async function signInWithIdToken(ctx: RouteContext, options: ResolvedSocialSignInOptions, tokens: AccountTokens, provider: string, idToken: IdTokenDto, callbackURL?: string) {
  const found = providerNamed(options, provider);
  if (!found.verifyIdToken) throw new AuthError(SOCIAL_ERRORS.ID_TOKEN_NOT_SUPPORTED);
  let profile;
  try {
    profile = await found.verifyIdToken(idToken.token, idToken.nonce);
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (error.code === 'provider_unreachable') throw providerUnavailable(ctx.auth.config.logger, found.id, error);
    ctx.auth.config.logger.warn(`social sign-in: ${found.id} ID token refused (${error.code}): ${error.reason}`);
    throw new AuthError(SOCIAL_ERRORS.INVALID_ID_TOKEN);
  }
  const granted: ProviderTokens = {
    accessToken: idToken.accessToken ?? null,
    refreshToken: idToken.refreshToken ?? null,
    idToken: idToken.token,
    accessTokenExpiresAt: null,
    refreshTokenExpiresAt: null,
    scopes: [],
  };
  const user = await userForProfile(ctx.auth, options, tokens, { provider: found, profile, tokens: granted });
  if (!user.ok) throw new AuthError(user.error === 'email_not_found' ? SOCIAL_ERRORS.USER_EMAIL_NOT_FOUND : SOCIAL_ERRORS.OAUTH_LINK_ERROR, user.error);
  if (user.isNew) await ctx.auth.hooks.signedUp({ user: user.user, callbackURL, via: 'social' });
  const outcome = await ctx.auth.signIn.open(user.user, { via: 'social', client: ctx.client, response: ctx.response });
  if (outcome.kind === 'refused') throw outcome.error;
  return signInAnswer(ctx, outcome, callbackURL);
}
