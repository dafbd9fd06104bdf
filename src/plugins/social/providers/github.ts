import type { SocialProvider } from '../provider';
import { oauth2Provider, type OAuth2ProviderOptions, type UserInfoContext } from './oauth2-provider';

/** GitHub's `/user`, with the address picked from `/user/emails` (GitHub's `/user` shows only a public one, unverified). */
export interface GitHubProfile extends Record<string, unknown> {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  avatar_url: string | null;
  /** Set from `/user/emails`: whether GitHub verified the chosen address. */
  email_verified: boolean;
}

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

export type GitHubOptions<U extends object = object> = Omit<
  OAuth2ProviderOptions<U, GitHubProfile>,
  'id' | 'authorizationEndpoint' | 'tokenEndpoint' | 'userInfoEndpoint' | 'getUserInfo' | 'mapUserInfo'
> & { readonly id?: string };

/**
 * GitHub's settings: OAuth 2.0 (no OpenID Connect), the profile from `/user` and the email from
 * `/user/emails` — the primary address if verified, else the first verified one, else the primary one
 * marked unverified (so it never links to an existing user).
 */
export function githubOptions<U extends object = object>(options: GitHubOptions<U>): OAuth2ProviderOptions<U, GitHubProfile> {
  return {
    ...options,
    id: options.id ?? 'github',
    authorizationEndpoint: 'https://github.com/login/oauth/authorize',
    tokenEndpoint: 'https://github.com/login/oauth/access_token',
    defaultScopes: ['read:user', 'user:email'],
    getUserInfo: readGitHubUser,
    mapUserInfo: (user) => ({ id: String(user.id), email: user.email, emailVerified: user.email_verified, name: user.name ?? user.login, image: user.avatar_url }),
  };
}

export async function readGitHubUser({ fetchJson }: Pick<UserInfoContext, 'fetchJson'>): Promise<GitHubProfile> {
  const user = (await fetchJson('https://api.github.com/user')) as Omit<GitHubProfile, 'email_verified'>;
  const emails = (await fetchJson('https://api.github.com/user/emails').catch(() => [])) as GitHubEmail[];
  const list = Array.isArray(emails) ? emails : [];
  const chosen = list.find((entry) => entry.primary && entry.verified) ?? list.find((entry) => entry.verified) ?? list.find((entry) => entry.primary);
  const publicEmail = typeof user.email === 'string' ? user.email : null;
  return { ...user, email: chosen?.email ?? publicEmail, email_verified: chosen?.verified === true } as GitHubProfile;
}

/**
 * GitHub sign-in.
 * @example
 * github({ clientId: process.env.GITHUB_CLIENT_ID!, clientSecret: process.env.GITHUB_CLIENT_SECRET! })
 */
export function github<U extends object = object>(options: GitHubOptions<U>): SocialProvider {
  return oauth2Provider(githubOptions(options));
}
