import { defineErrorCodes, type DeclaredError } from '../../errors/declared-error';

/**
 * The passkey plugin's codes, named and worded as better-auth's `passkeyClient` `$ERROR_CODES`. Where
 * better-auth answers a 500 (a malformed or truncated response) these are 400s: bad input is the caller's.
 */
export const PASSKEY_ERRORS = defineErrorCodes({
  CHALLENGE_NOT_FOUND: { status: 400, message: 'Challenge not found' },
  YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY: { status: 401, message: 'You are not allowed to register this passkey' },
  FAILED_TO_VERIFY_REGISTRATION: { status: 400, message: 'Failed to verify registration' },
  PREVIOUSLY_REGISTERED: { status: 400, message: 'Previously registered' },
  PASSKEY_NOT_FOUND: { status: 404, message: 'Passkey not found' },
  AUTHENTICATION_FAILED: { status: 401, message: 'Authentication failed' },
});

/** better-auth answers an assertion of an unknown credential with PASSKEY_NOT_FOUND as a 401, not a 404. */
export const UNKNOWN_CREDENTIAL: DeclaredError<'PASSKEY_NOT_FOUND'> = Object.freeze({ ...PASSKEY_ERRORS.PASSKEY_NOT_FOUND, status: 401 });

/** A response that does not parse or verify at all: 400, as better-auth answers a verification that threw. */
export const MALFORMED_ASSERTION: DeclaredError<'AUTHENTICATION_FAILED'> = Object.freeze({ ...PASSKEY_ERRORS.AUTHENTICATION_FAILED, status: 400 });
