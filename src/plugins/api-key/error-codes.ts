import { defineErrorCodes, type DeclaredError } from '../../errors/declared-error';

/**
 * The API-key codes, named and worded as `apiKeyClient`'s `$ERROR_CODES` (`RATE_LIMITED` is the code
 * better-auth answers a per-key limit with), plus `API_KEY_CANNOT_MANAGE_API_KEYS`, ours: a request
 * authenticated by a key may not create, change or delete keys.
 * @example
 * if (answer.error?.code === API_KEY_ERRORS.USAGE_EXCEEDED.code) showUpgradePrompt();
 */
export const API_KEY_ERRORS = defineErrorCodes({
  INVALID_METADATA_TYPE: { status: 400, message: 'metadata must be an object or undefined' },
  REFILL_AMOUNT_AND_INTERVAL_REQUIRED: { status: 400, message: 'refillAmount is required when refillInterval is provided' },
  REFILL_INTERVAL_AND_AMOUNT_REQUIRED: { status: 400, message: 'refillInterval is required when refillAmount is provided' },
  USER_BANNED: { status: 401, message: 'User is banned' },
  UNAUTHORIZED_SESSION: { status: 401, message: 'Unauthorized or invalid session' },
  KEY_NOT_FOUND: { status: 404, message: 'API Key not found' },
  KEY_DISABLED: { status: 401, message: 'API Key is disabled' },
  KEY_EXPIRED: { status: 401, message: 'API Key has expired' },
  USAGE_EXCEEDED: { status: 429, message: 'API Key has reached its usage limit' },
  EXPIRES_IN_IS_TOO_SMALL: { status: 400, message: 'The expiresIn is smaller than the predefined minimum value.' },
  EXPIRES_IN_IS_TOO_LARGE: { status: 400, message: 'The expiresIn is larger than the predefined maximum value.' },
  INVALID_PREFIX_LENGTH: { status: 400, message: 'The prefix length is either too large or too small.' },
  INVALID_NAME_LENGTH: { status: 400, message: 'The name length is either too large or too small.' },
  METADATA_DISABLED: { status: 400, message: 'Metadata is disabled.' },
  RATE_LIMITED: { status: 429, message: 'Rate limit exceeded.' },
  NO_VALUES_TO_UPDATE: { status: 400, message: 'No values to update.' },
  KEY_DISABLED_EXPIRATION: { status: 400, message: 'Custom key expiration values are disabled.' },
  INVALID_API_KEY: { status: 401, message: 'Invalid API key.' },
  INVALID_REFERENCE_ID_FROM_API_KEY: { status: 401, message: 'The reference id from the API key is invalid.' },
  SERVER_ONLY_PROPERTY: { status: 400, message: "The property you're trying to set can only be set from the server auth instance only." },
  NAME_REQUIRED: { status: 400, message: 'API Key name is required.' },
  API_KEY_CANNOT_MANAGE_API_KEYS: { status: 403, message: 'A request authenticated by an API key cannot create, update or delete API keys.' },
});

/** A key too short to be one is refused before any lookup, with a 403 as better-auth's session hook answers. */
export const MALFORMED_API_KEY: DeclaredError<'INVALID_API_KEY'> = Object.freeze({ ...API_KEY_ERRORS.INVALID_API_KEY, status: 403 });

/** A key lacking the permissions asked for: better-auth's verify answers `KEY_NOT_FOUND`, as a 401. */
export const MISSING_PERMISSIONS: DeclaredError<'KEY_NOT_FOUND'> = Object.freeze({ ...API_KEY_ERRORS.KEY_NOT_FOUND, status: 401 });
