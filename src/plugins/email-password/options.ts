/** Options of `EmailPasswordPlugin`. */
export interface EmailPasswordOptions {
  /** Allow `POST /sign-up/email` (default true). */
  enableSignup?: boolean;
  /** Open a session right after sign-up (default true). */
  autoSignIn?: boolean;
  /** Shortest accepted password (default 8). */
  minPasswordLength?: number;
  /** Longest accepted password (default 128); longer ones are refused before any hashing. */
  maxPasswordLength?: number;
}

export type ResolvedEmailPasswordOptions = Required<EmailPasswordOptions>;

export function resolveEmailPasswordOptions(options: EmailPasswordOptions): ResolvedEmailPasswordOptions {
  const resolved = {
    enableSignup: options.enableSignup ?? true,
    autoSignIn: options.autoSignIn ?? true,
    minPasswordLength: options.minPasswordLength ?? 8,
    maxPasswordLength: options.maxPasswordLength ?? 128,
  };
  if (!(resolved.minPasswordLength >= 1 && resolved.maxPasswordLength >= resolved.minPasswordLength)) {
    throw new Error(
      `EmailPasswordPlugin: need 1 <= minPasswordLength <= maxPasswordLength (got ${resolved.minPasswordLength} and ${resolved.maxPasswordLength}).`,
    );
  }
  return resolved;
}
