import { defineErrorCodes } from '../../errors/declared-error';

/**
 * The multi-session plugin's codes, named, worded and with the status of better-auth's `multiSessionClient` `$ERROR_CODES`.
 * @example
 * if (answer.json.code === MULTI_SESSION_ERRORS.INVALID_SESSION_TOKEN.code) showAccountPicker();
 */
export const MULTI_SESSION_ERRORS = defineErrorCodes({
  /** The browser holds no multi-session cookie for the token named (or its session is over). */
  INVALID_SESSION_TOKEN: { status: 401, message: 'Invalid session token' },
});
