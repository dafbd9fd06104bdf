import { DatabaseUnavailableError, UniqueConstraintError } from '../../adapters/errors';
import type { Logger } from '../core/logger';
import { AuthError } from '../errors/auth-error';
import type { AuthResponse } from '../wire/auth-request';
import { jsonResponse } from './json-response';

/**
 * The answer for anything a route threw. Known errors keep their status and code; anything else is logged
 * (message and stack, never the request) and answered with a bare 500 that leaks no internals.
 */
export function errorResponse(error: unknown, logger: Logger): AuthResponse {
  if (error instanceof AuthError) return authErrorResponse(error);
  if (error instanceof DatabaseUnavailableError) {
    logger.error(`database unavailable: ${error.message}`);
    return jsonResponse(503, new AuthError('DATABASE_UNAVAILABLE').toBody());
  }
  if (error instanceof UniqueConstraintError) {
    return jsonResponse(409, new AuthError('CONFLICT').toBody());
  }
  logger.error('unexpected error while handling an auth request', error instanceof Error ? error.stack ?? error.message : String(error));
  return jsonResponse(500, new AuthError('INTERNAL_SERVER_ERROR').toBody());
}

/** An `AuthError`'s answer: its status, `{ code, message }`, and `Retry-After` when it carries one. */
export function authErrorResponse(error: AuthError): AuthResponse {
  const retryAfter = error.hint?.retryAfterSeconds;
  return jsonResponse(error.status, error.toBody(), retryAfter === undefined ? [] : [['retry-after', String(retryAfter)]]);
}
