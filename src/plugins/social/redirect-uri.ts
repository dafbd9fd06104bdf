import type { AuthContext } from '../../core/auth-context';
import type { SocialProvider } from './provider';

/** Where the provider sends the browser back: the provider's `redirectURI`, or this server's callback route. */
export function redirectURI(auth: AuthContext, provider: SocialProvider): string {
  return provider.settings.redirectURI ?? new URL(`${auth.config.basePath}/callback/${provider.id}`, auth.config.baseURL).href;
}
