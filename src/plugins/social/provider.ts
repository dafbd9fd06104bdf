import type { CustomFields } from '../../../adapters/inputs';
import type { StandardUser } from '../../../entities/standard-fields';

/** What a provider says about the person who signed in, in the engine's terms. */
export interface ProviderProfile {
  /** The provider's stable id for the person (`sub`); stored as the account's `accountId`. */
  readonly id: string;
  readonly email: string | null;
  /** Only `true` when the provider itself says it checked the address. */
  readonly emailVerified: boolean;
  readonly name: string | null;
  readonly image: string | null;
  /** Everything the provider sent (ID token claims, then the user-info answer), for `mapProfileToUser`. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** The tokens of one grant; expiry dates computed from `expires_in` when the answer was received. */
export interface ProviderTokens {
  readonly accessToken: string | null;
  readonly refreshToken: string | null;
  readonly idToken: string | null;
  readonly accessTokenExpiresAt: Date | null;
  readonly refreshTokenExpiresAt: Date | null;
  readonly scopes: readonly string[];
}

/** What the authorization URL carries, all minted by the engine per sign-in. */
export interface AuthorizationParams {
  readonly state: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly redirectURI: string;
  /** Scopes asked for beyond the provider's configured ones. */
  readonly extraScopes: readonly string[];
  readonly loginHint?: string;
}

/** What the callback received and what the engine kept for it; the provider checks all of it. */
export interface CallbackParams {
  readonly code: string;
  readonly state: string;
  /** The `iss` of the authorization response (RFC 9207), when the provider sends one. */
  readonly iss?: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly redirectURI: string;
  /** Apple posts the person's name once, as JSON in `user`, on the first sign-in only. */
  readonly user?: string;
}

/** The user fields a profile may fill: the standard ones people have, plus the app's own custom fields, typed by its class. */
export type ProfileUserFields<U extends object = object> = Partial<Pick<StandardUser, 'name' | 'image' | 'email' | 'emailVerified'>> &
  Partial<CustomFields<U, StandardUser>>;

/** How the client proves itself at the token endpoint (a client without a secret is a public one). */
export type TokenEndpointAuth = 'client_secret_basic' | 'client_secret_post' | 'none';

/** The settings every provider accepts, whatever protocol it speaks. */
export interface ProviderSettings<U extends object = object, P = Record<string, unknown>> {
  readonly clientId: string;
  readonly clientSecret?: string;
  /** Replaces the provider's default scopes. */
  readonly scopes?: readonly string[];
  /** Where the provider sends the browser back; default `<baseURL><basePath>/callback/<id>`. */
  readonly redirectURI?: string;
  /** Fills user fields (custom ones included) from the provider's profile when the user is created. */
  readonly mapProfileToUser?: (profile: P) => ProfileUserFields<U> | Promise<ProfileUserFields<U>>;
  /** Sign in existing users only; an unknown person is refused (`signup_disabled`). */
  readonly disableSignUp?: boolean;
  /** Refresh the user's name, image and mapped fields from the provider on every sign-in (default: only at sign-up). */
  readonly overrideUserInfoOnSignIn?: boolean;
}

/**
 * One configured provider: builds its authorization URL, turns a callback into checked tokens and a profile,
 * and refreshes tokens. Built by `oidcProvider`, `oauth2Provider` or a preset over them; the routes only
 * talk to this interface.
 */
export interface SocialProvider {
  /** The name in `/sign-in/social` bodies and in the callback path (`google`, `github`, …). */
  readonly id: string;
  readonly settings: ProviderSettings<object, Record<string, unknown>>;
  /** `form_post` providers (Apple) post the callback instead of redirecting to it. */
  readonly responseMode: 'query' | 'form_post';
  authorizationURL(params: AuthorizationParams): Promise<URL>;
  /** Redeems the code (PKCE, state, nonce and ID token checked) and reads the profile; throws `ProviderError`. */
  exchange(params: CallbackParams): Promise<{ tokens: ProviderTokens; profile: ProviderProfile }>;
  /**
   * Checks an ID token handed over by the client (no redirect) and reads its profile; throws `ProviderError`.
   * Only OpenID Connect providers have it.
   */
  verifyIdToken?(token: string, nonce: string | undefined): Promise<ProviderProfile>;
  /** Trades a refresh token for new tokens; absent when the provider has no refresh. */
  refresh?(refreshToken: string): Promise<ProviderTokens>;
}

/**
 * Why a callback failed, as the snake_case code the error page receives. Carries no provider answer text:
 * that may echo tokens or codes.
 */
export class ProviderError extends Error {
  /**
   * Set once the cause was logged: an unreachable provider fails every sign-in until it is back, and one line
   * per outage says enough (see `CachedConfiguration`).
   */
  logged = false;

  constructor(
    readonly code: 'invalid_code' | 'invalid_id_token' | 'issuer_mismatch' | 'unable_to_get_user_info' | 'provider_unreachable',
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
    this.name = 'ProviderError';
  }
}
