import { sessionJson, userJson } from '../../core/entity-json';
import { userForProvenAddress } from '../../core/proven-address-user';
import { answerAsQuery } from '../../http/answer-as-query';
import { Redirect } from '../../http/redirect';
import { safeRedirectTarget, withQuery } from '../../http/redirect-target';
import { defineRoute, type RouteContext, type RouteDefinition } from '../../http/route';
import { attachSession } from '../../http/session-response';
import { MagicLinkSessionResponse, MagicLinkVerifyQuery } from './dtos';
import { MAGIC_LINK_PURPOSE } from './email';
import type { ResolvedMagicLinkOptions } from './options';

/**
 * `GET /magic-link/verify?token=…&callbackURL=…`: the emailed link. Uses the token up (atomically: of a link
 * opened many times at once, one opening signs in), finds the user of the address or creates it (verified),
 * and signs in through the sign-in pipeline. An existing user whose address was never verified is claimed
 * first (`userForProvenAddress`): whatever a squatter set up on the address is gone before the owner gets in.
 *
 * As better-auth: with a `callbackURL` in the link it redirects there (a new user to `newUserCallbackURL`)
 * with the session cookie; without, it answers `{ token, user, session }`. Failures always redirect, to
 * `errorCallbackURL` (else the callback URL, else the site's root) with `?error=`: `INVALID_TOKEN` for a used,
 * unknown or expired link, `new_user_signup_disabled`, or the code of a sign-in step's refusal (`BANNED_USER`).
 */
export function verifyMagicLinkRoute(options: ResolvedMagicLinkOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/magic-link/verify',
    summary: 'Follow a magic link: sign the address in (or up)',
    query: MagicLinkVerifyQuery,
    response: { body: MagicLinkSessionResponse, redirect: true },
    errors: ['INVALID_CALLBACK_URL'],
    handle: async (ctx, _body, query: MagicLinkVerifyQuery) => verify(ctx, options, query),
  });
}

async function verify(ctx: RouteContext, options: ResolvedMagicLinkOptions, query: MagicLinkVerifyQuery): Promise<unknown> {
  const auth = ctx.auth;
  // Checked before the token is used: a tampered link must not burn the owner's sign-in.
  const callback = safeRedirectTarget(auth, query.callbackURL || '/', 'INVALID_CALLBACK_URL');
  const newUserLanding = query.newUserCallbackURL ? safeRedirectTarget(auth, query.newUserCallbackURL, 'INVALID_CALLBACK_URL') : callback;
  const errorLanding = query.errorCallbackURL ? safeRedirectTarget(auth, query.errorCallbackURL, 'INVALID_CALLBACK_URL') : callback;
  const fail = (error: string) => new Redirect(withQuery(errorLanding, { error }));

  const check = await auth.tokens.consume(MAGIC_LINK_PURPOSE, query.token);
  if (!check.ok || !check.payload.email) return fail('INVALID_TOKEN');
  const { email, name } = check.payload;
  const found = await userForProvenAddress(auth, email, options.disableSignUp ? false : { name: name ?? '' });
  if (!found.ok) return fail(found.reason === 'signup-disabled' ? 'new_user_signup_disabled' : 'user_not_found');
  if (found.isNew) await auth.hooks.signedUp({ user: found.user, callbackURL: query.callbackURL });

  const outcome = await auth.signIn.open(found.user, { via: 'magic-link', client: ctx.client, response: ctx.response });
  if (outcome.kind === 'refused') return fail(outcome.error.code);
  const landing = found.isNew ? newUserLanding : callback;
  if (outcome.kind === 'answer') {
    // A step asked for more (a second factor) and set its own cookie; no session exists yet.
    return query.callbackURL ? new Redirect(withQuery(landing, answerAsQuery(outcome.body))) : outcome.body;
  }
  attachSession(auth, ctx.response, outcome.session, outcome.token, outcome.rememberMe);
  if (!query.callbackURL) return { token: outcome.token, user: userJson(auth, outcome.user), session: sessionJson(auth, outcome.session, outcome.token) };
  return new Redirect(landing);
}
