/** Options of `EmailVerificationPlugin`. */
export interface EmailVerificationOptions {
  /** Refuse sign-in (403 `EMAIL_NOT_VERIFIED`) and open no session at sign-up until the address is verified (default false). */
  requireEmailVerification?: boolean;
  /** Email a verification link right after sign-up (default: the value of `requireEmailVerification`). */
  sendOnSignUp?: boolean;
  /** When a sign-in is refused for an unverified address, email a new link (default false). */
  sendOnSignIn?: boolean;
  /** Following a verification link opens a session in that browser (default false). */
  autoSignInAfterVerification?: boolean;
  /** How long a verification link works, in seconds (default 3600: one hour). */
  expiresIn?: number;
}

export type ResolvedEmailVerificationOptions = Readonly<Required<EmailVerificationOptions>>;

export function resolveEmailVerificationOptions(options: EmailVerificationOptions): ResolvedEmailVerificationOptions {
  const requireEmailVerification = options.requireEmailVerification ?? false;
  const resolved = {
    requireEmailVerification,
    sendOnSignUp: options.sendOnSignUp ?? requireEmailVerification,
    sendOnSignIn: options.sendOnSignIn ?? false,
    autoSignInAfterVerification: options.autoSignInAfterVerification ?? false,
    expiresIn: options.expiresIn ?? 3600,
  };
  if (!(resolved.expiresIn > 0)) {
    throw new Error(`EmailVerificationPlugin: expiresIn must be a positive number of seconds (got ${resolved.expiresIn}).`);
  }
  return Object.freeze(resolved);
}
