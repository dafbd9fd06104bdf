import { AuthError } from '../errors/auth-error';

/** Refuses a password outside the configured length before anything is hashed. */
export function assertPasswordLength(password: string, min: number, max: number): void {
  if (password.length < min) throw new AuthError('PASSWORD_TOO_SHORT', `Password must be at least ${min} characters`);
  if (password.length > max) throw new AuthError('PASSWORD_TOO_LONG', `Password must be at most ${max} characters`);
}
