import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import type { AccountRefresh } from './account-refresh';
import { AccessTokenResponse, AccountTokenDto, RefreshTokenResponse } from './dtos';
import { SOCIAL_ERRORS } from './error-codes';

/**
 * `POST /get-access-token` → `{ accessToken, accessTokenExpiresAt, scopes, idToken }` of one of the caller's
 * accounts, refreshed first when expired. The only route that hands out a provider token, and only to the
 * account's owner.
 */
export function getAccessTokenRoute(refresh: AccountRefresh): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/get-access-token',
    summary: "A valid access token of one of the caller's provider accounts (refreshed when expired)",
    body: AccountTokenDto,
    session: 'required',
    response: { body: AccessTokenResponse },
    errors: ['ACCOUNT_NOT_FOUND', SOCIAL_ERRORS.PROVIDER_NOT_SUPPORTED, SOCIAL_ERRORS.FAILED_TO_GET_ACCESS_TOKEN],
    handle: async (ctx, dto: AccountTokenDto) => {
      const { user } = await ctx.requireSession();
      const { account, provider } = await refresh.ownAccount(ctx.auth.models.user.read(user, 'id'), dto);
      let tokens;
      try {
        tokens = await refresh.valid(account, provider);
      } catch (error) {
        ctx.auth.config.logger.warn(`social sign-in: refreshing a ${provider.id} access token failed: ${error instanceof Error ? error.message : String(error)}`);
        throw new AuthError(SOCIAL_ERRORS.FAILED_TO_GET_ACCESS_TOKEN);
      }
      if (!tokens.accessToken) throw new AuthError(SOCIAL_ERRORS.FAILED_TO_GET_ACCESS_TOKEN);
      return {
        accessToken: tokens.accessToken,
        accessTokenExpiresAt: tokens.accessTokenExpiresAt ?? undefined,
        scopes: tokens.scopes,
        idToken: tokens.idToken ?? undefined,
      };
    },
  });
}

/** `POST /refresh-token` → the new tokens of one of the caller's accounts, refreshed now whatever their expiry. */
export function refreshTokenRoute(refresh: AccountRefresh): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/refresh-token',
    summary: "Refresh the provider tokens of one of the caller's accounts",
    body: AccountTokenDto,
    session: 'required',
    response: { body: RefreshTokenResponse },
    errors: [
      'ACCOUNT_NOT_FOUND',
      SOCIAL_ERRORS.PROVIDER_NOT_SUPPORTED,
      SOCIAL_ERRORS.TOKEN_REFRESH_NOT_SUPPORTED,
      SOCIAL_ERRORS.REFRESH_TOKEN_NOT_FOUND,
      SOCIAL_ERRORS.FAILED_TO_REFRESH_ACCESS_TOKEN,
    ],
    handle: async (ctx, dto: AccountTokenDto) => {
      const { user } = await ctx.requireSession();
      const { account, provider } = await refresh.ownAccount(ctx.auth.models.user.read(user, 'id'), dto);
      let tokens;
      try {
        tokens = await refresh.refresh(account, provider);
      } catch (error) {
        if (error instanceof AuthError) throw error;
        ctx.auth.config.logger.warn(`social sign-in: refreshing ${provider.id} tokens failed: ${error instanceof Error ? error.message : String(error)}`);
        throw new AuthError(SOCIAL_ERRORS.FAILED_TO_REFRESH_ACCESS_TOKEN);
      }
      const model = ctx.auth.models.account;
      return {
        accessToken: tokens.accessToken ?? '',
        refreshToken: tokens.refreshToken ?? undefined,
        accessTokenExpiresAt: tokens.accessTokenExpiresAt ?? undefined,
        refreshTokenExpiresAt: tokens.refreshTokenExpiresAt ?? undefined,
        scope: tokens.scopes.join(','),
        idToken: tokens.idToken ?? undefined,
        providerId: model.read(account, 'providerId'),
        accountId: model.read(account, 'id'),
      };
    },
  });
}
