import { github, google, oidcProvider, type SocialProvider } from 'better-auth-entities/plugins';
import type { AppUser } from './entities';

/**
 * The example's optional social provider, named by the environment:
 *   SOCIAL_PROVIDER=github|google|oidc  SOCIAL_CLIENT_ID=…  SOCIAL_CLIENT_SECRET=…  (oidc: SOCIAL_ISSUER=https://…)
 * Register `<BASE_URL>/api/auth/callback/<provider>` as the redirect URI at the provider.
 */
export function socialProviderFromEnv(env: NodeJS.ProcessEnv): SocialProvider | null {
  const name = env.SOCIAL_PROVIDER;
  if (!name) return null;
  const clientId = env.SOCIAL_CLIENT_ID;
  const clientSecret = env.SOCIAL_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error(`SOCIAL_PROVIDER=${name} needs SOCIAL_CLIENT_ID and SOCIAL_CLIENT_SECRET.`);
  switch (name) {
    case 'github':
      return github<AppUser>({ clientId, clientSecret });
    case 'google':
      return google<AppUser>({ clientId, clientSecret });
    case 'oidc': {
      if (!env.SOCIAL_ISSUER) throw new Error('SOCIAL_PROVIDER=oidc needs SOCIAL_ISSUER (the issuer URL).');
      return oidcProvider<AppUser>({ id: 'oidc', issuer: env.SOCIAL_ISSUER, clientId, clientSecret });
    }
    default:
      throw new Error(`SOCIAL_PROVIDER=${name}: use github, google or oidc.`);
  }
}
