import { defineErrorCodes } from '../../errors/declared-error';

/**
 * The admin plugin's codes, named and worded as better-auth's `adminClient` knows them, plus
 * `YOU_CANNOT_BAN_ADMINS`, `YOU_CANNOT_REMOVE_ADMINS`, `YOU_CANNOT_UPDATE_ADMINS` and
 * `YOU_CANNOT_REVOKE_ADMINS_SESSIONS` for apps with a higher admin tier (better-auth guards only impersonation).
 */
export const ADMIN_ERRORS = defineErrorCodes({
  FAILED_TO_CREATE_USER: { status: 500, message: 'Failed to create user' },
  USER_NOT_FOUND: { status: 404, message: 'User not found' },
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { status: 400, message: 'User already exists. Use another email.' },
  YOU_CANNOT_BAN_YOURSELF: { status: 400, message: 'You cannot ban yourself' },
  YOU_CANNOT_REMOVE_YOURSELF: { status: 400, message: 'You cannot remove yourself' },
  YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE: { status: 403, message: 'You are not allowed to change users role' },
  YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS: { status: 403, message: 'You are not allowed to create users' },
  YOU_ARE_NOT_ALLOWED_TO_LIST_USERS: { status: 403, message: 'You are not allowed to list users' },
  YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS: { status: 403, message: 'You are not allowed to list users sessions' },
  YOU_ARE_NOT_ALLOWED_TO_BAN_USERS: { status: 403, message: 'You are not allowed to ban users' },
  YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS: { status: 403, message: 'You are not allowed to impersonate users' },
  YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS: { status: 403, message: 'You are not allowed to revoke users sessions' },
  YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS: { status: 403, message: 'You are not allowed to delete users' },
  YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD: { status: 403, message: 'You are not allowed to set users password' },
  YOU_ARE_NOT_ALLOWED_TO_GET_USER: { status: 403, message: 'You are not allowed to get user' },
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS: { status: 403, message: 'You are not allowed to update users' },
  YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL: { status: 403, message: 'You are not allowed to update users email' },
  YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE: { status: 400, message: 'You are not allowed to set a non-existent role value' },
  YOU_CANNOT_IMPERSONATE_ADMINS: { status: 403, message: 'You cannot impersonate admins' },
  YOU_CANNOT_BAN_ADMINS: { status: 403, message: 'You cannot ban admins' },
  YOU_CANNOT_REMOVE_ADMINS: { status: 403, message: 'You cannot remove admins' },
  YOU_CANNOT_UPDATE_ADMINS: { status: 403, message: "You cannot change other admins' role, password or details" },
  YOU_CANNOT_REVOKE_ADMINS_SESSIONS: { status: 403, message: "You cannot revoke other admins' sessions" },
  BANNED_USER: { status: 403, message: 'You have been banned from this application' },
  NO_DATA_TO_UPDATE: { status: 400, message: 'No data to update' },
  INVALID_ROLE_TYPE: { status: 400, message: 'Invalid role type' },
  PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER: {
    status: 400,
    message: 'Password cannot be updated through update-user. Use the set-user-password endpoint instead',
  },
  USER_ID_CANNOT_BE_UPDATED: { status: 400, message: 'User id cannot be updated' },
  NOT_IMPERSONATING: { status: 400, message: 'You are not impersonating anyone' },
  ADMIN_SESSION_NOT_FOUND: { status: 400, message: 'The admin session to return to was not found' },
  IMPERSONATION_SESSIONS_CANNOT_IMPERSONATE: { status: 403, message: 'An impersonation session cannot impersonate' },
});
