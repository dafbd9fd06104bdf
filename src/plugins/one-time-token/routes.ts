import { sessionJson, userJson } from '../../core/entity-json';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { attachSession } from '../../http/session-response';
import { OneTimeTokenResponse, OneTimeTokenSessionResponse, VerifyOneTimeTokenDto } from './dtos';
import { ONE_TIME_TOKEN_ERRORS } from './error-codes';
import { issueOneTimeToken, redeemOneTimeToken } from './one-time-tokens';
import type { ResolvedOneTimeTokenOptions } from './options';

/** `GET /one-time-token/generate` → `{ token }` for the caller's session (401 without one). */
export function generateRoute(options: ResolvedOneTimeTokenOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/one-time-token/generate',
    summary: 'A one-time token that opens a session of the caller on another device',
    response: { body: OneTimeTokenResponse },
    errors: [ONE_TIME_TOKEN_ERRORS.CLIENT_REQUESTS_DISABLED],
    session: 'required',
    handle: async (ctx) => {
      if (options.disableClientRequest) throw new AuthError(ONE_TIME_TOKEN_ERRORS.CLIENT_REQUESTS_DISABLED);
      const active = await ctx.requireSession();
      const userId = ctx.auth.models.user.read(active.user, 'id');
      return { token: await issueOneTimeToken(ctx.auth, active.token, userId, options.expiresInSeconds) };
    },
  });
}

/**
 * `POST /one-time-token/verify` `{ token }` → `{ session, user }` and the session cookie: a new session of the
 * token's user for this device. 400 `INVALID_TOKEN` ("Invalid token") for an unknown, used or expired token,
 * 400 `ORIGIN_SESSION_ENDED` when the session that minted it ended.
 */
export function verifyRoute(options: ResolvedOneTimeTokenOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/one-time-token/verify',
    summary: 'Redeem a one-time token: a new session of its user for this device',
    body: VerifyOneTimeTokenDto,
    response: { body: OneTimeTokenSessionResponse },
    errors: ['INVALID_TOKEN', ONE_TIME_TOKEN_ERRORS.ORIGIN_SESSION_ENDED],
    handle: async (ctx, dto) => {
      const redeemed = await redeemOneTimeToken(ctx.auth, dto.token, ctx.client);
      if (options.disableSetSessionCookie) ctx.response.headers.push(['set-auth-token', ctx.auth.cookies.signed(redeemed.token)]);
      else attachSession(ctx.auth, ctx.response, redeemed.session, redeemed.token);
      return { session: sessionJson(ctx.auth, redeemed.session, redeemed.token), user: userJson(ctx.auth, redeemed.user) };
    },
  });
}
