import type { SocialProvider } from '../provider';
import type { PresetOptions } from './google';
import { oidcProvider, type OidcClaims, type OidcProviderOptions } from './oidc-provider';

export interface GitLabOptions<U extends object = object> extends PresetOptions<U, OidcClaims> {
  /** A self-managed instance's URL (default https://gitlab.com). */
  readonly issuer?: string;
}

/** GitLab's settings: OpenID Connect on gitlab.com or a self-managed instance. */
export function gitlabOptions<U extends object = object>(options: GitLabOptions<U>): OidcProviderOptions<U, OidcClaims> {
  return { ...options, id: options.id ?? 'gitlab', issuer: options.issuer ?? 'https://gitlab.com', scopes: options.scopes ?? ['openid', 'email', 'profile'] };
}

/** GitLab sign-in. */
export function gitlab<U extends object = object>(options: GitLabOptions<U>): SocialProvider {
  return oidcProvider(gitlabOptions(options));
}
