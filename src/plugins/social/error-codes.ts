import { defineErrorCodes } from '../../errors/declared-error';

/**
 * The social sign-in codes of the JSON routes, named as better-auth's client knows them. The callback never
 * answers with these: it redirects the browser to the error page with `?error=<snake_case code>` (see
 * callback-errors.ts), as better-auth does.
 */
export const SOCIAL_ERRORS = defineErrorCodes({
  PROVIDER_NOT_FOUND: { status: 404, message: 'Provider not found' },
  ID_TOKEN_NOT_SUPPORTED: { status: 404, message: 'id_token not supported' },
  // better-auth answers a refused ID token with its generic INVALID_TOKEN at 401; ours says what was refused.
  INVALID_ID_TOKEN: { status: 401, message: 'Invalid ID token' },
  USER_EMAIL_NOT_FOUND: { status: 401, message: 'The provider gave no email address' },
  OAUTH_LINK_ERROR: { status: 401, message: 'The provider account cannot sign in here' },
  // Not better-auth's (it answers a 500): the provider could not be reached or its discovery was unusable.
  PROVIDER_UNAVAILABLE: { status: 502, message: 'The sign-in provider could not be reached' },
  PROVIDER_NOT_SUPPORTED: { status: 400, message: 'The provider of this account is not configured' },
  TOKEN_REFRESH_NOT_SUPPORTED: { status: 400, message: 'The provider does not support token refreshing' },
  REFRESH_TOKEN_NOT_FOUND: { status: 400, message: 'Refresh token not found' },
  FAILED_TO_GET_ACCESS_TOKEN: { status: 400, message: 'Failed to get a valid access token' },
  FAILED_TO_REFRESH_ACCESS_TOKEN: { status: 400, message: 'Failed to refresh access token' },
});
