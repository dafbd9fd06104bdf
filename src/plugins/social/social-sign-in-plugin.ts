import { adoptProviderTokens } from './adopt';
import type { AuthContext } from '../../core/auth-context';
import type { RouteDefinition } from '../../http/route';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { AccountRefresh } from './account-refresh';
import { AccountTokens } from './account-tokens';
import { callbackRoute, formPostCallbackRoute } from './callback-routes';
import { SOCIAL_ERRORS } from './error-codes';
import { STATE_PURPOSE } from './oauth-state';
import { resolveSocialSignInOptions, type ResolvedSocialSignInOptions, type SocialSignInOptions } from './options';
import { linkSocialRoute, signInSocialRoute } from './sign-in-routes';
import { getAccessTokenRoute, refreshTokenRoute } from './token-routes';

/**
 * Sign-in with OAuth 2.0 / OpenID Connect providers, on openid-client: `POST /sign-in/social`,
 * `GET|POST /callback/:provider`, `POST /link-social`, `POST /get-access-token`, `POST /refresh-token`.
 * Listing and unlinking accounts are the `AccountManagementPlugin`'s routes, which know social accounts.
 * @example
 * auth.plugin(new SocialSignInPlugin({
 *   providers: [github({ clientId, clientSecret }), oidcProvider<AppUser>({ id: 'sso', issuer, clientId, clientSecret })],
 *   accountLinking: { trustedProviders: ['google'] },
 * }))
 */
export class SocialSignInPlugin implements AuthPlugin {
  readonly id = 'social';
  readonly errorCodes = SOCIAL_ERRORS;
  readonly tokenPurposes = [STATE_PURPOSE];
  readonly options: ResolvedSocialSignInOptions;
  /** Reseals better-auth's provider tokens when `migrate --from better-auth` adopts its database. */
  readonly adopt = adoptProviderTokens;
  private context: { tokens: AccountTokens; refresh: AccountRefresh } | undefined;

  constructor(options: SocialSignInOptions) {
    this.options = resolveSocialSignInOptions(options);
  }

  init(auth: AuthContext): void {
    const tokens = new AccountTokens(auth);
    this.context = { tokens, refresh: new AccountRefresh(auth, this.options, tokens) };
  }

  routes(): RouteDefinition[] {
    const { tokens, refresh } = builtPart('SocialSignInPlugin', this.context);
    return [
      signInSocialRoute(this.options, tokens),
      callbackRoute(this.options, tokens),
      formPostCallbackRoute(),
      linkSocialRoute(this.options),
      getAccessTokenRoute(refresh),
      refreshTokenRoute(refresh),
    ];
  }
}
