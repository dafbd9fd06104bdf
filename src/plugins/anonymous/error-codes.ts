import { defineErrorCodes } from '../../errors/declared-error';

/**
 * The anonymous plugin's codes, named and worded as better-auth's `anonymousClient` `$ERROR_CODES`, with the
 * statuses better-auth answers them with; `ANONYMOUS_USERS_CANNOT_CHANGE_EMAIL` is this library's own (an
 * anonymous user keeps its placeholder until it signs up; see the README).
 */
export const ANONYMOUS_ERRORS = defineErrorCodes({
  INVALID_EMAIL_FORMAT: { status: 400, message: 'Email was not generated in a valid format' },
  FAILED_TO_CREATE_USER: { status: 500, message: 'Failed to create user' },
  COULD_NOT_CREATE_SESSION: { status: 400, message: 'Could not create session' },
  ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY: { status: 400, message: 'Anonymous users cannot sign in again anonymously' },
  FAILED_TO_DELETE_ANONYMOUS_USER: { status: 500, message: 'Failed to delete anonymous user' },
  FAILED_TO_DELETE_ANONYMOUS_USER_SESSIONS: { status: 500, message: 'Failed to delete anonymous user sessions' },
  USER_IS_NOT_ANONYMOUS: { status: 403, message: 'User is not anonymous' },
  DELETE_ANONYMOUS_USER_DISABLED: { status: 400, message: 'Deleting anonymous users is disabled' },
  ANONYMOUS_USERS_CANNOT_CHANGE_EMAIL: { status: 400, message: 'Anonymous users cannot change their email; sign up instead' },
});
