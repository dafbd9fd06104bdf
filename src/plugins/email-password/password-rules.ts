import type { AuthContext } from '../../core/auth-context';
import { EmailPasswordPlugin } from './email-password-plugin';
import { resolveEmailPasswordOptions } from './options';

/** The password length rules in force: the email-password plugin's, or its defaults (8–128) when it is not installed. */
export function passwordRules(auth: AuthContext): { minPasswordLength: number; maxPasswordLength: number } {
  const { minPasswordLength, maxPasswordLength } = auth.findPlugin(EmailPasswordPlugin)?.options ?? resolveEmailPasswordOptions({});
  return { minPasswordLength, maxPasswordLength };
}
