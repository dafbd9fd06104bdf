/**
 * Every error code the API answers with, its HTTP status and default message: the one table that maps
 * codes to statuses. Codes and messages follow better-auth's where it has one, so its client shows them.
 */
export const ERROR_CODES = {
  VALIDATION_ERROR: { status: 400, message: 'The request body is invalid' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON' },
  INVALID_EMAIL: { status: 400, message: 'Invalid email' },
  PASSWORD_TOO_SHORT: { status: 400, message: 'Password too short' },
  PASSWORD_TOO_LONG: { status: 400, message: 'Password too long' },
  INVALID_TOKEN: { status: 400, message: 'Invalid token' },
  TOKEN_EXPIRED: { status: 400, message: 'Token expired' },
  INVALID_PASSWORD: { status: 400, message: 'Invalid password' },
  CREDENTIAL_ACCOUNT_NOT_FOUND: { status: 400, message: 'Credential account not found' },
  PASSWORD_ALREADY_SET: { status: 400, message: 'User already has a password set' },
  FAILED_TO_UNLINK_LAST_ACCOUNT: { status: 400, message: "You can't unlink your last account" },
  EMAIL_CAN_NOT_BE_UPDATED: { status: 400, message: 'Email can not be updated' },
  EMAIL_IS_THE_SAME: { status: 400, message: 'Email is the same' },
  EMAIL_MISMATCH: { status: 400, message: 'Email mismatch' },
  EMAIL_ALREADY_VERIFIED: { status: 400, message: 'Email is already verified' },
  UNAUTHORIZED: { status: 401, message: 'Unauthorized' },
  INVALID_EMAIL_OR_PASSWORD: { status: 401, message: 'Invalid email or password' },
  EMAIL_NOT_VERIFIED: { status: 403, message: 'Email not verified' },
  INVALID_ORIGIN: { status: 403, message: 'Invalid origin' },
  INVALID_CALLBACK_URL: { status: 403, message: 'Invalid callbackURL' },
  INVALID_REDIRECT_URL: { status: 403, message: 'Invalid redirectURL' },
  SESSION_NOT_FRESH: { status: 403, message: 'Session is not fresh: sign in again to do this' },
  FORBIDDEN: { status: 403, message: 'Forbidden' },
  SIGN_UP_DISABLED: { status: 403, message: 'Email and password sign up is not enabled' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  SESSION_NOT_FOUND: { status: 404, message: 'Session not found' },
  ACCOUNT_NOT_FOUND: { status: 404, message: 'Account not found' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json' },
  CONFLICT: { status: 409, message: 'The record already exists' },
  USER_ALREADY_EXISTS: { status: 422, message: 'User already exists. Use another email.' },
  DATABASE_HOOK_ABORTED: { status: 422, message: 'A database hook refused the write' },
  TOO_MANY_REQUESTS: { status: 429, message: 'Too many requests' },
  INTERNAL_SERVER_ERROR: { status: 500, message: 'Internal server error' },
  DATABASE_UNAVAILABLE: { status: 503, message: 'The database is unavailable; try again shortly' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
