import { CachedConfiguration } from '../cached-configuration';
import { OAuthClientProvider, type ReadProfile } from '../oauth-client-provider';
import { IdTokenVerifier } from '../id-token-verifier';
import { openIdClient } from '../openid-client';
import type { CallbackParams, ProviderProfile, ProviderSettings, SocialProvider, TokenEndpointAuth } from '../provider';
import { stringClaim, verifiedClaim } from './claims';
import { clientAuthentication } from './client-auth';

/** The claims of a standard OpenID Connect profile (ID token and user-info answer merged). */
export interface OidcClaims extends Record<string, unknown> {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
  picture?: string;
}

export interface OidcProviderOptions<U extends object = object, P extends Record<string, unknown> = OidcClaims> extends ProviderSettings<U, P> {
  /** The provider id used in routes (`/callback/<id>`). */
  readonly id: string;
  /** The issuer URL; its `/.well-known/openid-configuration` is fetched once and cached. */
  readonly issuer: string;
  /** The ID token signature algorithms accepted (default `['RS256']`); anything else, `none` included, is refused. */
  readonly idTokenAlgorithms?: readonly string[];
  readonly tokenEndpointAuth?: TokenEndpointAuth;
  /** Also ask the user-info endpoint (default: when the provider has one). */
  readonly userInfo?: boolean;
  readonly responseMode?: 'query' | 'form_post';
  readonly authorizationParams?: Readonly<Record<string, string>>;
  /** Turns the merged claims (and the callback, for Apple's one-time `user` field) into a profile; default reads the standard claims. */
  readonly profile?: (claims: P, callback: CallbackParams) => ProviderProfile;
  /** Plain-HTTP issuers, for a provider on loopback in tests and local development only. */
  readonly allowInsecureRequests?: boolean;
  /** How long discovery is trusted, in seconds (default an hour). */
  readonly discoveryTtlSeconds?: number;
}

/**
 * A generic OpenID Connect provider from its issuer URL: discovery, PKCE, nonce, and the ID token verified
 * against the provider's published keys (openid-client's non-repudiation checks are on, so the signature is
 * checked, not only the claims).
 * @example
 * oidcProvider<AppUser>({ id: 'keycloak', issuer: 'https://sso.example.com/realms/main', clientId, clientSecret,
 *   mapProfileToUser: (claims) => ({ firstName: claims.given_name }) })
 */
export function oidcProvider<U extends object = object, P extends Record<string, unknown> = OidcClaims>(options: OidcProviderOptions<U, P>): SocialProvider {
  const algorithms = options.idTokenAlgorithms ?? ['RS256'];
  const configuration = new CachedConfiguration(async () => {
    const client = await openIdClient();
    const execute = [client.enableNonRepudiationChecks];
    if (options.allowInsecureRequests) execute.push(client.allowInsecureRequests);
    const config = await client.discovery(
      new URL(options.issuer),
      options.clientId,
      // A list is checked as a list by oauth4webapi (the type says string, the check takes both).
      { id_token_signed_response_alg: (algorithms.length === 1 ? algorithms[0] : [...algorithms]) as string },
      clientAuthentication(client, options.tokenEndpointAuth, options.clientSecret),
      { execute },
    );
    return config;
  }, (options.discoveryTtlSeconds ?? 3600) * 1000);
  const toProfile = options.profile ?? ((claims: P) => standardProfile(claims));
  const readProfile: ReadProfile = async (config, answer, callback) => {
    const claims: Record<string, unknown> = { ...answer.claims() };
    const wantsUserInfo = options.userInfo ?? Boolean(config.serverMetadata().userinfo_endpoint);
    if (wantsUserInfo && answer.access_token) {
      const client = await openIdClient();
      // The subject must match the ID token's: a user-info answer about someone else is refused by the library.
      Object.assign(claims, await client.fetchUserInfo(config, answer.access_token, String(claims.sub)));
    }
    return toProfile(claims as P, callback);
  };
  const idTokens = new IdTokenVerifier(options.clientId, algorithms);
  // An ID token handed over directly carries no callback: Apple's one-time `user` field is simply absent.
  const noCallback: CallbackParams = { code: '', state: '', codeVerifier: '', nonce: '', redirectURI: '' };
  const idTokenProfile = async (config: Parameters<ReadProfile>[0], token: string, nonce: string | undefined) =>
    toProfile((await idTokens.claims(config, token, nonce)) as P, noCallback);
  return new OAuthClientProvider({
    id: options.id,
    settings: options as unknown as ProviderSettings<object, Record<string, unknown>>,
    configuration,
    defaultScopes: ['openid', 'email', 'profile'],
    openId: true,
    responseMode: options.responseMode,
    authorizationParams: options.authorizationParams,
    readProfile,
    idTokenProfile,
  });
}

/** The profile of the standard claims: `sub`, `email`, `email_verified`, `name` (or given and family), `picture`. */
export function standardProfile(claims: Readonly<Record<string, unknown>>): ProviderProfile {
  const joined = [stringClaim(claims, 'given_name'), stringClaim(claims, 'family_name')].filter(Boolean).join(' ');
  return {
    id: String(claims.sub),
    email: stringClaim(claims, 'email'),
    emailVerified: verifiedClaim(claims),
    name: stringClaim(claims, 'name') ?? (joined || null),
    image: stringClaim(claims, 'picture'),
    raw: claims,
  };
}
