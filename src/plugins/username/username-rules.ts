import { AuthError } from '../../errors/auth-error';
import { USERNAME_ERRORS } from './error-codes';
import type { ResolvedUsernameOptions } from './options';

/**
 * Usernames are stored lower-cased, so `Ada` and `ada` are one name on every backend (the unique index sees
 * the stored value); `displayUsername` keeps the user's casing.
 */
export function normaliseUsername(username: string): string {
  return username.toLowerCase();
}

/** Why a username is not acceptable, or `null`. Checks length and form, not whether it is taken. */
export async function usernameProblem(options: ResolvedUsernameOptions, username: string) {
  if (username.length < options.minUsernameLength) return USERNAME_ERRORS.USERNAME_TOO_SHORT;
  if (username.length > options.maxUsernameLength) return USERNAME_ERRORS.USERNAME_TOO_LONG;
  if (!(await options.usernameValidator(username))) return USERNAME_ERRORS.INVALID_USERNAME;
  return null;
}

/** The username if acceptable; otherwise the `AuthError` saying why. */
export async function assertUsername(options: ResolvedUsernameOptions, value: unknown): Promise<string> {
  if (typeof value !== 'string') throw new AuthError(USERNAME_ERRORS.INVALID_USERNAME);
  const problem = await usernameProblem(options, value);
  if (problem) throw new AuthError(problem);
  return value;
}

/** The display username if acceptable; otherwise `INVALID_DISPLAY_USERNAME`. */
export async function assertDisplayUsername(options: ResolvedUsernameOptions, value: unknown): Promise<string> {
  if (typeof value !== 'string' || !(await options.displayUsernameValidator(value))) throw new AuthError(USERNAME_ERRORS.INVALID_DISPLAY_USERNAME);
  return value;
}
