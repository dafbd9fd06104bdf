import type { AuthContext } from '../../core/auth-context';

/** Options of `PasswordManagementPlugin`. */
export interface PasswordManagementOptions {
  /** How long a reset link works, in seconds (default 3600: one hour). */
  resetPasswordTokenExpiresIn?: number;
  /** A successful reset signs the user out everywhere (default true): whoever knew the old password is out. */
  revokeSessionsOnPasswordReset?: boolean;
  /** Shortest accepted new password (default: the EmailPasswordPlugin's, else 8). */
  minPasswordLength?: number;
  /** Longest accepted new password (default: the EmailPasswordPlugin's, else 128). */
  maxPasswordLength?: number;
}

export interface ResolvedPasswordManagementOptions {
  readonly resetPasswordTokenExpiresIn: number;
  readonly revokeSessionsOnPasswordReset: boolean;
  readonly minPasswordLength: number;
  readonly maxPasswordLength: number;
}

/** Resolved at `init`, when the email-password plugin's password rules can be read. */
export function resolvePasswordManagementOptions(options: PasswordManagementOptions, auth: AuthContext): ResolvedPasswordManagementOptions {
  const resolved = {
    resetPasswordTokenExpiresIn: options.resetPasswordTokenExpiresIn ?? 3600,
    revokeSessionsOnPasswordReset: options.revokeSessionsOnPasswordReset ?? true,
    minPasswordLength: options.minPasswordLength ?? auth.passwordLengths.min,
    maxPasswordLength: options.maxPasswordLength ?? auth.passwordLengths.max,
  };
  if (!(resolved.resetPasswordTokenExpiresIn > 0)) {
    throw new Error(`PasswordManagementPlugin: resetPasswordTokenExpiresIn must be a positive number of seconds (got ${resolved.resetPasswordTokenExpiresIn}).`);
  }
  if (!(resolved.minPasswordLength >= 1 && resolved.maxPasswordLength >= resolved.minPasswordLength)) {
    throw new Error(
      `PasswordManagementPlugin: need 1 <= minPasswordLength <= maxPasswordLength (got ${resolved.minPasswordLength} and ${resolved.maxPasswordLength}).`,
    );
  }
  return resolved;
}
