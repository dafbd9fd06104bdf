import { AuthError } from '../../errors/auth-error';
import { safeRedirectTarget } from '../../http/redirect-target';
import type { RouteContext } from '../../http/route';
import { startFlow, randomSecret } from './oauth-state';
import type { ResolvedSocialSignInOptions } from './options';
import { ProviderError, type SocialProvider } from './provider';
import { providerUnavailable } from './provider-unavailable';
import { redirectURI } from './redirect-uri';
import { SOCIAL_ERRORS } from './error-codes';

export interface FlowRequest {
  provider: string;
  callbackURL?: string;
  errorCallbackURL?: string;
  newUserCallbackURL?: string;
  disableRedirect?: boolean;
  scopes?: string[];
  loginHint?: string;
}

/** The configured provider of that name, or a 404 `PROVIDER_NOT_FOUND`. */
export function providerNamed(options: ResolvedSocialSignInOptions, id: string): SocialProvider {
  const provider = options.providers.get(id);
  if (!provider) throw new AuthError(SOCIAL_ERRORS.PROVIDER_NOT_FOUND);
  return provider;
}

/**
 * Starts a redirect to the provider for `sign-in/social` and `link-social`: every return URL checked against
 * the trusted origins now (403 `INVALID_CALLBACK_URL`, so the callback can never become an open redirect), a
 * fresh PKCE verifier and nonce kept server-side with the flow, the state cookie set, and the provider's
 * authorization URL answered as `{ url, redirect }`.
 */
export async function startRedirect(ctx: RouteContext, options: ResolvedSocialSignInOptions, body: FlowRequest, linkUserId?: string) {
  const provider = providerNamed(options, body.provider);
  const auth = ctx.auth;
  const callbackURL = safeRedirectTarget(auth, body.callbackURL ?? '/', 'INVALID_CALLBACK_URL');
  const errorURL = body.errorCallbackURL === undefined ? callbackURL : safeRedirectTarget(auth, body.errorCallbackURL, 'INVALID_CALLBACK_URL');
  const newUserURL = body.newUserCallbackURL === undefined ? undefined : safeRedirectTarget(auth, body.newUserCallbackURL, 'INVALID_CALLBACK_URL');
  const codeVerifier = randomSecret();
  const nonce = randomSecret();
  const { state, cookie } = await startFlow(
    auth,
    { providerId: provider.id, codeVerifier, nonce, callbackURL, errorURL, newUserURL, linkUserId },
    options.stateTtlSeconds,
  );
  let url: URL;
  try {
    url = await provider.authorizationURL({
      state,
      codeVerifier,
      nonce,
      redirectURI: redirectURI(auth, provider),
      extraScopes: body.scopes ?? [],
      loginHint: body.loginHint,
    });
  } catch (error) {
    // The flow row just stored is left to expire: no cookie names it.
    if (error instanceof ProviderError && error.code === 'provider_unreachable') throw providerUnavailable(auth.config.logger, provider.id, error);
    throw error;
  }
  ctx.response.headers.push(['set-cookie', cookie]);
  return { url: url.href, redirect: !body.disableRedirect };
}
