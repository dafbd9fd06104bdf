import type { DeclaredError } from './declared-error';
import { ERROR_CODES, type ErrorCode } from './error-codes';

/** The JSON body of every error answer. */
export interface ErrorBody {
  code: string;
  message: string;
  /** For `VALIDATION_ERROR`: which fields failed and why. */
  details?: Array<{ field: string; messages: string[] }>;
}

/**
 * The one error type of the engine: a string code whose HTTP status comes from `ERROR_CODES`.
 * Expected outcomes are values (`null`, `false`); an `AuthError` means the request cannot go on.
 * @example
 * throw new AuthError('INVALID_EMAIL_OR_PASSWORD');
 * throw new AuthError('VALIDATION_ERROR', 'email must be an email', [{ field: 'email', messages: ['must be an email'] }]);
 * throw new AuthError(AUDIT_ERRORS.AUDIT_LOG_DISABLED); // a code a plugin declared with defineErrorCodes
 */
export class AuthError extends Error {
  readonly status: number;
  /** An engine code, or one a plugin declared. */
  readonly code: string;

  constructor(
    code: ErrorCode | DeclaredError,
    message?: string,
    readonly details?: ErrorBody['details'],
    /** `retryAfterSeconds` becomes the answer's `Retry-After` header (429, 503). */
    readonly hint?: { readonly retryAfterSeconds?: number },
  ) {
    const declared: DeclaredError = typeof code === 'string' ? { code, ...ERROR_CODES[code] } : code;
    super(message ?? declared.message);
    this.name = 'AuthError';
    this.code = declared.code;
    this.status = declared.status;
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
