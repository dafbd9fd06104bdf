import { AuthError } from '../errors/auth-error';
import { ConfigError } from '../config/resolve-config';
import type { PluginDeclarations } from './plugin-declarations';

/** The shortest and longest password any flow accepts (sign-up, reset, change, admin, sign-in's bound). */
export interface PasswordLengths {
  readonly min: number;
  readonly max: number;
}

/** better-auth's bounds, in force when no plugin declares its own. */
export const DEFAULT_PASSWORD_LENGTHS: PasswordLengths = Object.freeze({ min: 8, max: 128 });

/**
 * The bounds a plugin declared (`passwordLengths`, the email-password plugin's options), else the defaults.
 * Read from declarations rather than by finding a plugin class, so no plugin imports another to know them;
 * two plugins declaring bounds would leave it unclear which applies, so that is refused.
 * @example
 * passwordLengthsOf([new EmailPasswordPlugin({ minPasswordLength: 12 })]); // { min: 12, max: 128 }
 */
export function passwordLengthsOf(plugins: readonly PluginDeclarations[]): PasswordLengths {
  const declaring = plugins.filter((plugin) => plugin.passwordLengths !== undefined);
  if (declaring.length > 1) {
    throw new ConfigError(`Plugins ${declaring.map((plugin) => `"${plugin.id}"`).join(' and ')} both declare password lengths; keep one.`);
  }
  return declaring[0]?.passwordLengths ?? DEFAULT_PASSWORD_LENGTHS;
}

/** Refuses a password outside the configured length before anything is hashed. */
export function assertPasswordLength(password: string, min: number, max: number): void {
  if (password.length < min) throw new AuthError('PASSWORD_TOO_SHORT', `Password must be at least ${min} characters`);
  if (password.length > max) throw new AuthError('PASSWORD_TOO_LONG', `Password must be at most ${max} characters`);
}
