import type { Configuration, TokenEndpointResponse, TokenEndpointResponseHelpers } from 'openid-client';
import type { CachedConfiguration } from './cached-configuration';
import { classifyExchangeError } from './classify-error';
import { openIdClient } from './openid-client';
import { ProviderError, type AuthorizationParams, type CallbackParams, type ProviderProfile, type ProviderSettings, type ProviderTokens, type SocialProvider } from './provider';
import { providerTokens } from './token-answer';

export type TokenAnswer = TokenEndpointResponse & TokenEndpointResponseHelpers;

/** How a provider turns a token answer into a profile: ID token claims, a user-info endpoint, or both. */
export type ReadProfile = (config: Configuration, answer: TokenAnswer, callback: CallbackParams) => Promise<ProviderProfile>;

/** What differs between providers built on openid-client's `Configuration`. */
export interface OAuthClientSpec {
  readonly id: string;
  readonly settings: ProviderSettings<object, Record<string, unknown>>;
  readonly configuration: CachedConfiguration;
  readonly defaultScopes: readonly string[];
  /** OpenID Connect: send a nonce and expect a verified ID token. */
  readonly openId: boolean;
  readonly responseMode?: 'query' | 'form_post';
  /** Extra authorization parameters a preset needs (`prompt`, `access_type`). */
  readonly authorizationParams?: Readonly<Record<string, string>>;
  readonly readProfile: ReadProfile;
  readonly refreshable?: boolean;
  /** OpenID Connect: the profile of a verified ID token handed over by the client (see `IdTokenVerifier`). */
  readonly idTokenProfile?: (config: Configuration, token: string, nonce: string | undefined) => Promise<ProviderProfile>;
}

/**
 * A provider spoken to with openid-client: the authorization URL with PKCE S256, `state` and (OpenID) `nonce`;
 * the code grant, in which the library checks the state, the `iss` of the response (RFC 9207), the PKCE
 * verifier and, for OpenID, the ID token's signature against the provider's keys, issuer, audience, expiry,
 * algorithm and nonce; and the refresh grant. No protocol step is written here by hand.
 */
export class OAuthClientProvider implements SocialProvider {
  readonly id: string;
  readonly settings: ProviderSettings<object, Record<string, unknown>>;
  readonly responseMode: 'query' | 'form_post';

  constructor(private readonly spec: OAuthClientSpec) {
    this.id = spec.id;
    this.settings = spec.settings;
    this.responseMode = spec.responseMode ?? 'query';
    if (spec.refreshable === false) this.refresh = undefined;
    if (!spec.idTokenProfile) this.verifyIdToken = undefined;
  }

  private scopes(extra: readonly string[]): string[] {
    return [...new Set([...(this.settings.scopes ?? this.spec.defaultScopes), ...extra])];
  }

  async authorizationURL(params: AuthorizationParams): Promise<URL> {
    const client = await openIdClient();
    const config = await this.spec.configuration.get();
    const query: Record<string, string> = {
      ...this.spec.authorizationParams,
      redirect_uri: params.redirectURI,
      scope: this.scopes(params.extraScopes).join(' '),
      state: params.state,
      code_challenge: await client.calculatePKCECodeChallenge(params.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (this.spec.openId) query.nonce = params.nonce;
    if (this.responseMode === 'form_post') query.response_mode = 'form_post';
    if (params.loginHint) query.login_hint = params.loginHint;
    return client.buildAuthorizationUrl(config, query);
  }

  async exchange(params: CallbackParams): Promise<{ tokens: ProviderTokens; profile: ProviderProfile }> {
    const client = await openIdClient();
    let config: Configuration;
    let answer: TokenAnswer;
    try {
      config = await this.spec.configuration.get();
      const response = new URL(params.redirectURI);
      response.searchParams.set('code', params.code);
      response.searchParams.set('state', params.state);
      if (params.iss !== undefined) response.searchParams.set('iss', params.iss);
      answer = await client.authorizationCodeGrant(config, response, {
        pkceCodeVerifier: params.codeVerifier,
        expectedState: params.state,
        ...(this.spec.openId ? { expectedNonce: params.nonce, idTokenExpected: true } : {}),
      });
    } catch (error) {
      throw classifyExchangeError(error);
    }
    const tokens = providerTokens(answer, this.scopes([]));
    let profile: ProviderProfile;
    try {
      profile = await this.spec.readProfile(config, answer, params);
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      throw new ProviderError('unable_to_get_user_info', error instanceof Error ? error.message : String(error));
    }
    // The account is keyed by this id: a profile without one would merge everyone into one account.
    if (!profile.id || profile.id === 'undefined' || profile.id === 'null') throw new ProviderError('unable_to_get_user_info', 'the profile has no id');
    return { tokens, profile };
  }

  async verifyIdToken?(token: string, nonce: string | undefined): Promise<ProviderProfile> {
    let config: Configuration;
    try {
      config = await this.spec.configuration.get();
    } catch (error) {
      throw classifyExchangeError(error);
    }
    const profile = await this.spec.idTokenProfile!(config, token, nonce);
    if (!profile.id || profile.id === 'undefined') throw new ProviderError('invalid_id_token', 'the ID token has no subject');
    return profile;
  }

  async refresh?(refreshToken: string): Promise<ProviderTokens> {
    const client = await openIdClient();
    const config = await this.spec.configuration.get();
    const answer = await client.refreshTokenGrant(config, refreshToken);
    return providerTokens(answer, this.scopes([]));
  }
}
