import type { SocialProvider } from '../provider';
import { oidcProvider, type OidcClaims, type OidcProviderOptions } from './oidc-provider';

export type PresetOptions<U extends object, P extends Record<string, unknown>> = Omit<OidcProviderOptions<U, P>, 'id' | 'issuer'> & { readonly id?: string };

export interface GoogleOptions<U extends object = object> extends PresetOptions<U, OidcClaims> {
  /** `offline` (default) asks for a refresh token. */
  readonly accessType?: 'offline' | 'online';
  /** `select_account`, `consent`, … passed as `prompt`. */
  readonly prompt?: string;
  /** Restricts sign-in to a Google Workspace domain (`hd`); the ID token's `hd` claim is not re-checked here. */
  readonly hostedDomain?: string;
}

/** The Google settings: OpenID Connect at accounts.google.com, refresh tokens by default. */
export function googleOptions<U extends object = object>(options: GoogleOptions<U>): OidcProviderOptions<U, OidcClaims> {
  const params: Record<string, string> = { access_type: options.accessType ?? 'offline', include_granted_scopes: 'true' };
  if (options.prompt) params.prompt = options.prompt;
  if (options.hostedDomain) params.hd = options.hostedDomain;
  return { ...options, id: options.id ?? 'google', issuer: 'https://accounts.google.com', authorizationParams: { ...params, ...options.authorizationParams } };
}

/**
 * Google sign-in.
 * @example
 * google({ clientId: process.env.GOOGLE_CLIENT_ID!, clientSecret: process.env.GOOGLE_CLIENT_SECRET! })
 */
export function google<U extends object = object>(options: GoogleOptions<U>): SocialProvider {
  return oidcProvider(googleOptions(options));
}
