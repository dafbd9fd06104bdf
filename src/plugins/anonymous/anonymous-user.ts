import type { AuthContext } from '../../core/auth-context';

/**
 * Whether a user was made by `POST /sign-in/anonymous` and not linked since: its `isAnonymous` field, which no
 * request can write (it is a standard field no body reads).
 * @example
 * if (isAnonymousUser(auth, active.user)) throw new AuthError(ANONYMOUS_ERRORS.ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY);
 */
export function isAnonymousUser(auth: AuthContext, user: object): boolean {
  return auth.models.user.read(user, 'isAnonymous') === true;
}
