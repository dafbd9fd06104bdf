import type { SocialProvider } from '../provider';
import type { PresetOptions } from './google';
import { oidcProvider, standardProfile, type OidcClaims, type OidcProviderOptions } from './oidc-provider';

export interface MicrosoftOptions<U extends object = object> extends PresetOptions<U, OidcClaims> {
  /**
   * The directory (tenant) id or domain. Required: the multi-tenant endpoints (`common`, `organizations`)
   * publish a templated issuer that strict issuer checking cannot match, so they are not offered.
   */
  readonly tenantId: string;
  readonly prompt?: string;
}

/**
 * The Microsoft Entra ID settings: OpenID Connect v2.0 of one tenant. `email` is only present for accounts
 * that have one; Entra does not say it verified it, so it counts as unverified unless `xms_edov` says so.
 */
export function microsoftOptions<U extends object = object>(options: MicrosoftOptions<U>): OidcProviderOptions<U, OidcClaims> {
  if (['common', 'organizations', 'consumers'].includes(options.tenantId)) {
    throw new TypeError(`microsoft({ tenantId: "${options.tenantId}" }): give the directory id; multi-tenant issuers cannot be checked strictly.`);
  }
  return {
    ...options,
    id: options.id ?? 'microsoft',
    issuer: `https://login.microsoftonline.com/${encodeURIComponent(options.tenantId)}/v2.0`,
    scopes: options.scopes ?? ['openid', 'email', 'profile', 'offline_access'],
    authorizationParams: { ...(options.prompt ? { prompt: options.prompt } : {}), ...options.authorizationParams },
    // The user-info endpoint lives on Microsoft Graph with another audience: the ID token says enough.
    userInfo: options.userInfo ?? false,
    profile: options.profile ?? microsoftProfile,
  };
}

/** Entra's claims: `email` (or `preferred_username` when that is an address), verified only with `xms_edov`. */
export function microsoftProfile(claims: OidcClaims) {
  const base = standardProfile(claims);
  const username = typeof claims.preferred_username === 'string' && claims.preferred_username.includes('@') ? claims.preferred_username : null;
  return { ...base, email: base.email ?? username, emailVerified: claims.xms_edov === true || claims.xms_edov === 'true' };
}

/** Microsoft Entra ID sign-in for one tenant. */
export function microsoft<U extends object = object>(options: MicrosoftOptions<U>): SocialProvider {
  return oidcProvider(microsoftOptions(options));
}
