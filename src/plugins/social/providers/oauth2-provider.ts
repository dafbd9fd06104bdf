import { CachedConfiguration } from '../cached-configuration';
import { OAuthClientProvider, type ReadProfile } from '../oauth-client-provider';
import { openIdClient } from '../openid-client';
import type { ProviderProfile, ProviderSettings, SocialProvider, TokenEndpointAuth } from '../provider';
import { clientAuthentication } from './client-auth';

/** Reads a JSON resource with the user's access token (GitHub's `/user/emails`, a user-info endpoint). */
export type FetchJson = (url: string) => Promise<unknown>;

/** What a user-info mapper receives. */
export interface UserInfoContext {
  readonly accessToken: string;
  readonly fetchJson: FetchJson;
  /** The raw token answer (some providers put the user's id there). */
  readonly tokenAnswer: Readonly<Record<string, unknown>>;
}

export interface OAuth2ProviderOptions<U extends object = object, P extends Record<string, unknown> = Record<string, unknown>> extends ProviderSettings<U, P> {
  readonly id: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  /** Read with the access token and handed to `mapUserInfo`; leave out when `getUserInfo` reads everything. */
  readonly userInfoEndpoint?: string;
  readonly scopes?: readonly string[];
  readonly defaultScopes?: readonly string[];
  readonly tokenEndpointAuth?: TokenEndpointAuth;
  readonly authorizationParams?: Readonly<Record<string, string>>;
  /** Reads the raw profile when one endpoint is not enough (GitHub's separate email endpoint). */
  readonly getUserInfo?: (context: UserInfoContext) => Promise<P>;
  /** The profile in the engine's terms: id, email, whether the provider verified it, name, image. */
  readonly mapUserInfo: (raw: P) => Omit<ProviderProfile, 'raw'>;
  /** The provider refreshes tokens (default true). */
  readonly refreshable?: boolean;
  /** Plain-HTTP endpoints, for a provider on loopback in tests and local development only. */
  readonly allowInsecureRequests?: boolean;
}

/**
 * A generic OAuth 2.0 provider from explicit endpoints and a user-info mapper, for providers without OpenID
 * Connect (GitHub, Discord). PKCE and `state` as for OpenID; there is no ID token, so who the user is comes
 * from the user-info endpoint read with the freshly issued access token.
 * @example
 * oauth2Provider({ id: 'acme', clientId, clientSecret,
 *   authorizationEndpoint: 'https://acme.example/oauth/authorize', tokenEndpoint: 'https://acme.example/oauth/token',
 *   userInfoEndpoint: 'https://acme.example/api/me',
 *   mapUserInfo: (me) => ({ id: String(me.id), email: me.email, emailVerified: me.verified === true, name: me.name, image: null }) })
 */
export function oauth2Provider<U extends object = object, P extends Record<string, unknown> = Record<string, unknown>>(options: OAuth2ProviderOptions<U, P>): SocialProvider {
  const configuration = new CachedConfiguration(async () => {
    const client = await openIdClient();
    const metadata = {
      // openid-client wants an issuer; a plain OAuth 2.0 server has none, and nothing checks it without ID tokens.
      issuer: new URL(options.authorizationEndpoint).origin,
      authorization_endpoint: options.authorizationEndpoint,
      token_endpoint: options.tokenEndpoint,
    };
    const config = new client.Configuration(metadata, options.clientId, undefined, clientAuthentication(client, options.tokenEndpointAuth, options.clientSecret));
    if (options.allowInsecureRequests) client.allowInsecureRequests(config);
    return config;
  }, Number.POSITIVE_INFINITY);
  const readProfile: ReadProfile = async (config, answer) => {
    const client = await openIdClient();
    const accessToken = answer.access_token;
    const fetchJson: FetchJson = async (url) => {
      const response = await client.fetchProtectedResource(config, accessToken, new URL(url), 'GET', undefined, new Headers({ accept: 'application/json' }));
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.json();
    };
    const raw = options.getUserInfo
      ? await options.getUserInfo({ accessToken, fetchJson, tokenAnswer: answer })
      : ((await fetchJson(requireEndpoint(options))) as P);
    return { ...options.mapUserInfo(raw), raw };
  };
  return new OAuthClientProvider({
    id: options.id,
    settings: options as unknown as ProviderSettings<object, Record<string, unknown>>,
    configuration,
    defaultScopes: options.defaultScopes ?? [],
    openId: false,
    authorizationParams: options.authorizationParams,
    readProfile,
    refreshable: options.refreshable,
  });
}

function requireEndpoint(options: { id: string; userInfoEndpoint?: string }): string {
  if (!options.userInfoEndpoint) throw new Error(`Provider "${options.id}" needs userInfoEndpoint or getUserInfo`);
  return options.userInfoEndpoint;
}
