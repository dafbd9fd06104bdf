import { answerAsQuery } from '../../http/answer-as-query';
import { recordSignInFailure } from '../../core/sign-in-metrics';
import { withQuery } from '../../http/redirect-target';
import { attachSession } from '../../http/session-response';
import { defineRoute, type RouteContext, type RouteDefinition } from '../../http/route';
import { Redirect } from '../../http/redirect';
import type { AccountTokens } from './account-tokens';
import { callbackFailure } from './callback-errors';
import { OAuthCallbackDto } from './dtos';
import { linkProfile } from './link-profile';
import { browserState, clearStateCookie, finishFlow, type OAuthFlow } from './oauth-state';
import type { ResolvedSocialSignInOptions } from './options';
import { ProviderError, type ProviderProfile, type ProviderTokens, type SocialProvider } from './provider';
import { redirectURI } from './redirect-uri';
import { userForProfile } from './sign-in-profile';

/**
 * `GET /callback/:provider`: where the provider sends the browser back. Every failure is a redirect to the
 * error URL with `?error=<code>`; the checks, in order, and their codes:
 * - `state` missing → `state_not_found`; the browser's state cookie absent or for another state → `state_mismatch`
 *   (nothing is redeemed: a state from another browser cannot be used here);
 * - the state unknown, expired or already used → `invalid_state` (single use: a replayed callback stops here);
 * - the provider reported an error → that error; no `code` → `no_code`;
 * - the code exchange (PKCE, state, `iss`, ID token signature, issuer, audience, expiry, algorithm, nonce) →
 *   `invalid_code`, `invalid_id_token`, `issuer_mismatch`, `unable_to_get_user_info`;
 * - the user (see sign-in-profile.ts / link-profile.ts) → `email_not_found`, `account_not_linked`, `signup_disabled`, …
 * Then the session is opened through the sign-in pipeline (bans, second factors and the rest apply) and the
 * browser goes to the callback URL (the new-user URL for a new user).
 */
export function callbackRoute(options: ResolvedSocialSignInOptions, tokens: AccountTokens): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/callback/:provider',
    summary: 'Where the social provider sends the browser back',
    query: OAuthCallbackDto,
    response: { redirect: true },
    handle: async (ctx, _body, query: OAuthCallbackDto) => handleCallback(ctx, options, tokens, query),
  });
}

/**
 * `POST /callback/:provider`, for `form_post` providers (Apple): a cross-site form post carries no SameSite=Lax
 * cookie, so the fields are moved into the query of a redirect to the GET route, which the browser follows
 * with its cookies. This route itself reads nothing and changes nothing.
 */
export function formPostCallbackRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/callback/:provider',
    summary: 'Form-post callback of a social provider (redirects to the GET callback)',
    body: OAuthCallbackDto,
    crossSiteForm: true,
    response: { redirect: true },
    handle: async (ctx, body: OAuthCallbackDto) => {
      const target = new URL(`${ctx.auth.config.basePath}/callback/${encodeURIComponent(ctx.params.provider)}`, ctx.auth.config.baseURL);
      for (const [name, value] of Object.entries(body)) if (typeof value === 'string') target.searchParams.set(name, value);
      return new Redirect(target.href, 302);
    },
  });
}

async function handleCallback(ctx: RouteContext, options: ResolvedSocialSignInOptions, tokens: AccountTokens, query: OAuthCallbackDto): Promise<Redirect> {
  const auth = ctx.auth;
  const fallbackErrorURL = options.errorURL ?? auth.config.baseURL.href;
  const bound = browserState(auth, ctx.request);
  if (bound !== null) ctx.response.headers.push(['set-cookie', clearStateCookie(auth)]);
  if (!query.state) return callbackFailure(fallbackErrorURL, 'state_not_found');
  if (bound !== query.state) return callbackFailure(fallbackErrorURL, 'state_mismatch');
  const flow = await finishFlow(auth, query.state);
  if (!flow) return callbackFailure(fallbackErrorURL, 'invalid_state');
  const fail = (code: string) => callbackFailure(flow.errorURL, code);
  const provider = options.providers.get(ctx.params.provider);
  if (!provider || provider.id !== flow.providerId) return fail('state_mismatch');
  if (query.error) return fail(query.error);
  if (!query.code) return fail('no_code');

  let exchanged;
  try {
    exchanged = await provider.exchange({
      code: query.code,
      state: query.state,
      iss: query.iss,
      user: query.user,
      codeVerifier: flow.codeVerifier,
      nonce: flow.nonce,
      redirectURI: redirectURI(auth, provider),
    });
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    auth.config.logger.warn(`social sign-in: ${provider.id} callback refused (${error.code}): ${error.reason}`);
    recordSignInFailure('social', error.code);
    return fail(error.code);
  }
  if (flow.linkUserId !== undefined) return finishLink(ctx, options, tokens, flow, { provider, ...exchanged });

  const found = await userForProfile(auth, options, tokens, { provider, ...exchanged });
  if (!found.ok) {
    recordSignInFailure('social', found.error);
    return fail(found.error);
  }
  // A user made here is a sign-up like any other: listeners (welcome mail, billing, verification) hear of it.
  if (found.isNew) await auth.hooks.signedUp({ user: found.user, callbackURL: flow.callbackURL, via: 'social' });
  const outcome = await auth.signIn.open(found.user, { via: 'social', client: ctx.client, response: ctx.response });
  if (outcome.kind === 'refused') return fail(outcome.error.code.toLowerCase());
  const landing = found.isNew && flow.newUserURL ? flow.newUserURL : flow.callbackURL;
  if (outcome.kind === 'session') {
    attachSession(auth, ctx.response, outcome.session, outcome.token, outcome.rememberMe);
    return new Redirect(landing);
  }
  // A step answered instead of opening a session (two-factor: `{ twoFactorRedirect, twoFactorMethods }`) and set
  // its own cookie. A redirect carries no JSON body, so the answer rides in the query: the page can tell "signed
  // in" from "asked for a second factor" and call the verify route, which opens the session.
  return new Redirect(withQuery(landing, answerAsQuery(outcome.body)));
}

/** The end of `link-social`: only for the browser whose session started it, and only into that user. */
async function finishLink(
  ctx: RouteContext,
  options: ResolvedSocialSignInOptions,
  tokens: AccountTokens,
  flow: OAuthFlow,
  exchanged: { provider: SocialProvider; profile: ProviderProfile; tokens: ProviderTokens },
): Promise<Redirect> {
  const active = await ctx.session();
  const userId = active ? ctx.auth.models.user.read(active.user, 'id') : null;
  if (userId !== flow.linkUserId) return callbackFailure(flow.errorURL, 'unable_to_link_account');
  const linked = await linkProfile(ctx.auth, options, tokens, { userId, ...exchanged });
  return linked.ok ? new Redirect(flow.callbackURL) : callbackFailure(flow.errorURL, linked.error);
}
