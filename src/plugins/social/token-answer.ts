import type { TokenEndpointResponse, TokenEndpointResponseHelpers } from 'openid-client';
import type { ProviderTokens } from './provider';

/**
 * The tokens of a token-endpoint answer, with expiry dates. `refresh_token_expires_in` is not standard but
 * GitHub and Microsoft send it. Scopes are the granted ones when the provider says, else the requested ones.
 */
export function providerTokens(answer: TokenEndpointResponse & TokenEndpointResponseHelpers, requested: readonly string[], now = Date.now()): ProviderTokens {
  const expiresIn = answer.expiresIn();
  const refreshExpiresIn = Number(answer.refresh_token_expires_in);
  return {
    accessToken: answer.access_token || null,
    refreshToken: answer.refresh_token ?? null,
    idToken: answer.id_token ?? null,
    accessTokenExpiresAt: expiresIn === undefined ? null : new Date(now + expiresIn * 1000),
    refreshTokenExpiresAt: Number.isFinite(refreshExpiresIn) && refreshExpiresIn > 0 ? new Date(now + refreshExpiresIn * 1000) : null,
    scopes: typeof answer.scope === 'string' ? answer.scope.split(/[\s,]+/).filter(Boolean) : [...requested],
  };
}
