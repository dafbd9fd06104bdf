import type { OtpType } from './otp-types';

/** What an app's own sender gets instead of an email composed by the engine. */
export interface EmailOtpDelivery {
  email: string;
  /** The code: a secret, never log it. */
  otp: string;
  type: OtpType;
}

/** Options of `EmailOtpPlugin`. */
export interface EmailOtpOptions {
  /** How long a code works, in seconds (default 300). */
  expiresIn?: number;
  /** Digits of a code (default 6). */
  otpLength?: number;
  /** Wrong tries one code allows; the next try answers 403 `TOO_MANY_ATTEMPTS` and the code is gone (default 3). */
  allowedAttempts?: number;
  /** A sign-in code for an unknown address is neither sent nor accepted (default false). */
  disableSignUp?: boolean;
  /** Sends the code through the app's own channel instead of `AuthConfig.emailSender`. */
  sendVerificationOTP?: (delivery: EmailOtpDelivery) => Promise<void> | void;
  /** `verify-email` opens a session (default false). */
  autoSignInAfterVerification?: boolean;
  /** A password reset by code ends the user's sessions (but the caller's own) (default true). */
  revokeSessionsOnPasswordReset?: boolean;
  /**
   * The account-wide brake: at most `maxFailures` codes checked per address between two right ones, counted
   * across every code sent meanwhile, every process and whether the rate limiter is on or not; past it every
   * code for the address answers 403 `TOO_MANY_ATTEMPTS` until `windowSeconds` after the last one counted
   * (default 10, then 900 s).
   */
  accountLimit?: { maxFailures?: number; windowSeconds?: number };
  /** Password length bounds of `reset-password` (default 8 and 128, as the email-password plugin's). */
  minPasswordLength?: number;
  maxPasswordLength?: number;
  /** Requests per client address and minute on each route (default 3, better-auth's). */
  rateLimitMax?: number;
}

export interface ResolvedEmailOtpOptions {
  readonly expiresIn: number;
  readonly otpLength: number;
  readonly allowedAttempts: number;
  readonly disableSignUp: boolean;
  readonly sendVerificationOTP: EmailOtpOptions['sendVerificationOTP'] | null;
  readonly autoSignInAfterVerification: boolean;
  readonly revokeSessionsOnPasswordReset: boolean;
  readonly accountLimit: { readonly maxFailures: number; readonly windowSeconds: number };
  readonly minPasswordLength: number;
  readonly maxPasswordLength: number;
  readonly rateLimitMax: number;
}

export function resolveEmailOtpOptions(options: EmailOtpOptions): ResolvedEmailOtpOptions {
  const resolved: ResolvedEmailOtpOptions = {
    expiresIn: options.expiresIn ?? 300,
    otpLength: options.otpLength ?? 6,
    allowedAttempts: options.allowedAttempts ?? 3,
    disableSignUp: options.disableSignUp ?? false,
    sendVerificationOTP: options.sendVerificationOTP ?? null,
    autoSignInAfterVerification: options.autoSignInAfterVerification ?? false,
    revokeSessionsOnPasswordReset: options.revokeSessionsOnPasswordReset ?? true,
    accountLimit: { maxFailures: options.accountLimit?.maxFailures ?? 10, windowSeconds: options.accountLimit?.windowSeconds ?? 900 },
    minPasswordLength: options.minPasswordLength ?? 8,
    maxPasswordLength: options.maxPasswordLength ?? 128,
    rateLimitMax: options.rateLimitMax ?? 3,
  };
  const integers: Array<[string, number, number]> = [
    ['otpLength', resolved.otpLength, 4],
    ['allowedAttempts', resolved.allowedAttempts, 1],
    ['accountLimit.maxFailures', resolved.accountLimit.maxFailures, 1],
    ['rateLimitMax', resolved.rateLimitMax, 1],
  ];
  for (const [name, value, min] of integers) {
    if (!(Number.isInteger(value) && value >= min)) throw new Error(`EmailOtpPlugin: ${name} must be an integer >= ${min} (got ${value}).`);
  }
  if (resolved.otpLength > 12) throw new Error(`EmailOtpPlugin: otpLength must be at most 12 (got ${resolved.otpLength}).`);
  for (const [name, value] of [['expiresIn', resolved.expiresIn], ['accountLimit.windowSeconds', resolved.accountLimit.windowSeconds]] as const) {
    if (!(value > 0)) throw new Error(`EmailOtpPlugin: ${name} must be a positive number of seconds (got ${value}).`);
  }
  return Object.freeze(resolved);
}
