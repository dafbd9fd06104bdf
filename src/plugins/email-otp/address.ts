import { isEmail } from 'class-validator';
import { normaliseEmail } from '../../core/normalise-email';
import { AuthError } from '../../errors/auth-error';

/** The normalised address of a body, or 400 `INVALID_EMAIL` (better-auth's answer, rather than a validation error). */
export function addressOf(raw: string): string {
  const email = normaliseEmail(raw);
  if (!isEmail(email)) throw new AuthError('INVALID_EMAIL');
  return email;
}
