import type { CallbackParams } from '../provider';
import type { SocialProvider } from '../provider';
import type { PresetOptions } from './google';
import { oidcProvider, standardProfile, type OidcClaims, type OidcProviderOptions } from './oidc-provider';

/**
 * Apple's settings. `clientId` is the Services ID; `clientSecret` is the ES256 JWT the app signs with its
 * Apple key (Apple caps its life at six months), produced by the app and passed in as a string.
 */
export type AppleOptions<U extends object = object> = PresetOptions<U, OidcClaims>;

/**
 * Sign in with Apple: OpenID Connect with `response_mode=form_post` (Apple posts the callback when name or
 * email are asked for), client authentication in the body, and the person's name taken from the one-time
 * `user` field Apple posts at the first sign-in only (the ID token never carries it).
 */
export function appleOptions<U extends object = object>(options: AppleOptions<U>): OidcProviderOptions<U, OidcClaims> {
  return {
    ...options,
    id: options.id ?? 'apple',
    issuer: 'https://appleid.apple.com',
    scopes: options.scopes ?? ['openid', 'name', 'email'],
    responseMode: 'form_post',
    tokenEndpointAuth: options.tokenEndpointAuth ?? 'client_secret_post',
    userInfo: false,
    profile: options.profile ?? appleProfile,
  };
}

/** The standard claims, with the name from Apple's `user` JSON (`{ name: { firstName, lastName } }`) when posted. */
export function appleProfile(claims: OidcClaims, callback: CallbackParams) {
  const base = standardProfile(claims);
  const name = appleName(callback.user);
  return { ...base, name: base.name ?? name, raw: name ? { ...claims, name } : claims };
}

function appleName(user: string | undefined): string | null {
  if (!user) return null;
  try {
    const parsed = JSON.parse(user) as { name?: { firstName?: unknown; lastName?: unknown } };
    const parts = [parsed.name?.firstName, parsed.name?.lastName].filter((part): part is string => typeof part === 'string' && part !== '');
    return parts.length > 0 ? parts.join(' ') : null;
  } catch {
    return null;
  }
}

/** Sign in with Apple. */
export function apple<U extends object = object>(options: AppleOptions<U>): SocialProvider {
  return oidcProvider(appleOptions(options));
}
