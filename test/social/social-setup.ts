import { BetterAuth, type AuthConfig, type AuthPlugin } from 'better-auth-entities';
import type { DatabaseAdapter } from 'better-auth-entities/adapters';
import { AuthField, AuthUser, BaseUser } from 'better-auth-entities/entities';
import { AccountManagementPlugin, EmailPasswordPlugin, SessionManagementPlugin, oauth2Provider, oidcProvider, SocialSignInPlugin, type SocialSignInOptions } from 'better-auth-entities/plugins';
import { Column, Entity } from 'typeorm';
import { APP_ORIGIN, AUTH_BASE } from './browser';
import { startServer, type RunningServer } from './servers/start-server';

export const SECRET = 'social-test-secret-with-more-than-thirty-two-characters';
export const OIDC_CLIENT = { clientId: 'test-client', clientSecret: 'test-client-secret-long-enough-for-hs256-32' };
export const OAUTH_CLIENT = { clientId: 'acme-client', clientSecret: 'acme-client-secret' };

/** The app's user class: the standard fields plus two of its own that the provider's profile fills. */
@Entity('users', { synchronize: false })
@AuthUser()
export class SocialUser extends BaseUser {
  @Column({ name: 'first_name', type: 'varchar', length: 255, nullable: true }) @AuthField() firstName!: string | null;
  @Column({ name: 'last_name', type: 'varchar', length: 255, nullable: true }) @AuthField() lastName!: string | null;
}

/** The columns SocialUser adds, for SQL databases migrated with the shipped migrations. */
export const SOCIAL_USER_COLUMNS = ['first_name', 'last_name'];

/** The three providers the tests use: `oidc` (oidc-provider), `acme` (plain OAuth 2.0) and `rogue` (the hand-written server as an OpenID issuer). */
export interface Providers {
  oidc: RunningServer;
  oauth: RunningServer;
}

export async function startProviders(): Promise<Providers> {
  const redirects = ['oidc', 'oidc-post'].map((id) => `${AUTH_BASE}/callback/${id}`).join(',');
  const [oidc, oauth] = await Promise.all([
    startServer('oidc-server.mjs', { REDIRECT_URIS: redirects }),
    startServer('oauth-server.mjs', { CLIENT_ID: OAUTH_CLIENT.clientId, CLIENT_SECRET: OAUTH_CLIENT.clientSecret }),
  ]);
  return { oidc, oauth };
}

/** The auth instance under test, with every provider configured against the running servers. */
export function makeSocialAuth(
  database: DatabaseAdapter<any, any, any, any, any, any, any>,
  providers: Providers,
  extra: Partial<SocialSignInOptions> = {},
  oidcSettings: { disableSignUp?: boolean; overrideUserInfoOnSignIn?: boolean } = {},
  extraPlugins: AuthPlugin[] = [],
  config: Partial<AuthConfig> = {},
) {
  const social = new SocialSignInPlugin({
    providers: [
      oidcProvider<SocialUser>({
        id: 'oidc',
        issuer: providers.oidc.url,
        ...OIDC_CLIENT,
        allowInsecureRequests: true,
        mapProfileToUser: (claims) => ({ firstName: claims.given_name ?? null, lastName: claims.family_name ?? null }),
        ...oidcSettings,
      }),
      oauth2Provider({
        id: 'acme',
        ...OAUTH_CLIENT,
        authorizationEndpoint: `${providers.oauth.url}/authorize`,
        tokenEndpoint: `${providers.oauth.url}/token`,
        userInfoEndpoint: `${providers.oauth.url}/user`,
        defaultScopes: ['read:user'],
        allowInsecureRequests: true,
        mapUserInfo: (user) => ({
          id: String(user.id),
          email: typeof user.email === 'string' ? user.email : null,
          emailVerified: user.verified === true,
          name: typeof user.name === 'string' ? user.name : null,
          image: typeof user.avatar_url === 'string' ? user.avatar_url : null,
        }),
      }),
      oidcProvider({ id: 'rogue', issuer: providers.oauth.url, ...OAUTH_CLIENT, allowInsecureRequests: true, userInfo: false }),
    ],
    ...extra,
  });
  const auth = new BetterAuth({ secret: SECRET, baseURL: APP_ORIGIN, ...config })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new AccountManagementPlugin())
    .plugin(social);
  for (const plugin of extraPlugins) auth.plugin(plugin);
  return auth.build();
}

let counter = 0;
/** A fresh person id and address per call. */
export function person(prefix: string): { sub: string; email: string } {
  counter += 1;
  const sub = `${prefix}-${counter}-${Date.now()}`;
  return { sub, email: `${sub}@example.com` };
}
