import type { SocialProvider } from '../provider';
import { oauth2Provider, type OAuth2ProviderOptions } from './oauth2-provider';

/** Discord's `/users/@me`. */
export interface DiscordProfile extends Record<string, unknown> {
  id: string;
  username: string;
  global_name: string | null;
  email: string | null;
  verified: boolean;
  avatar: string | null;
}

export type DiscordOptions<U extends object = object> = Omit<
  OAuth2ProviderOptions<U, DiscordProfile>,
  'id' | 'authorizationEndpoint' | 'tokenEndpoint' | 'userInfoEndpoint' | 'getUserInfo' | 'mapUserInfo'
> & { readonly id?: string };

/** Discord's settings: OAuth 2.0, the profile from `/users/@me`, the avatar URL built from its hash. */
export function discordOptions<U extends object = object>(options: DiscordOptions<U>): OAuth2ProviderOptions<U, DiscordProfile> {
  return {
    ...options,
    id: options.id ?? 'discord',
    authorizationEndpoint: 'https://discord.com/oauth2/authorize',
    tokenEndpoint: 'https://discord.com/api/oauth2/token',
    userInfoEndpoint: 'https://discord.com/api/users/@me',
    defaultScopes: ['identify', 'email'],
    mapUserInfo: (user) => ({
      id: user.id,
      email: user.email,
      emailVerified: user.verified === true,
      name: user.global_name ?? user.username,
      image: user.avatar ? `https://cdn.discordapp.com/avatars/${user.id}/${user.avatar}.png` : null,
    }),
  };
}

/** Discord sign-in. */
export function discord<U extends object = object>(options: DiscordOptions<U>): SocialProvider {
  return oauth2Provider(discordOptions(options));
}
