import { defineErrorCodes } from '../../errors/declared-error';

/**
 * The username plugin's codes, named and worded as better-auth's `usernameClient` knows them. One status per
 * code: the rule errors are 400 wherever they occur (better-auth answers 422 on two routes; clients key on
 * the code).
 */
export const USERNAME_ERRORS = defineErrorCodes({
  INVALID_USERNAME_OR_PASSWORD: { status: 401, message: 'Invalid username or password' },
  USERNAME_IS_ALREADY_TAKEN: { status: 400, message: 'Username is already taken. Please try another.' },
  USERNAME_TOO_SHORT: { status: 400, message: 'Username is too short' },
  USERNAME_TOO_LONG: { status: 400, message: 'Username is too long' },
  INVALID_USERNAME: { status: 400, message: 'Username is invalid' },
  INVALID_DISPLAY_USERNAME: { status: 400, message: 'Display username is invalid' },
  USERNAME_IS_IMMUTABLE: { status: 400, message: 'Username cannot be updated' },
});
