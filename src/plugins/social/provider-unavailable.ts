import { AuthError } from '../../errors/auth-error';
import type { Logger } from '../../core/logger';
import { SOCIAL_ERRORS } from './error-codes';
import type { ProviderError } from './provider';

/**
 * The answer to a provider that could not be reached (502 `PROVIDER_UNAVAILABLE`), logging its cause unless
 * that outage was logged already: many waiting sign-ins share one failed discovery, and every sign-in during
 * an outage fails the same way.
 */
export function providerUnavailable(logger: Logger, providerId: string, error: ProviderError): AuthError {
  if (!error.logged) {
    error.logged = true;
    logger.error(`social sign-in: provider ${providerId} is unreachable: ${error.reason}`);
  }
  return new AuthError(SOCIAL_ERRORS.PROVIDER_UNAVAILABLE);
}
