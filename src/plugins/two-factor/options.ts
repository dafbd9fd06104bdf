import type { TwoFactorField } from './schema';

/** What the app's own OTP delivery gets (an SMS gateway, say): the user and the code to send. */
export interface OtpDelivery {
  user: object;
  otp: string;
}

export type SendOtp = (delivery: OtpDelivery) => void | Promise<void>;

/** Options of `TwoFactorPlugin`, with better-auth's names. */
export interface TwoFactorOptions {
  /** The issuer shown by authenticator apps (default: the host of `baseURL`); a body's `issuer` wins on enable. */
  issuer?: string;
  totpOptions?: {
    /** Digits of a code (default 6). */
    digits?: 6 | 8;
    /** Seconds a code lives (default 30). One step of clock drift either way is accepted. */
    period?: number;
    /** Turns TOTP off (email OTP and backup codes only). */
    disable?: boolean;
  };
  /**
   * One-time codes sent when asked (`/two-factor/send-otp`). Given at all, OTP is on: codes go to `sendOTP` when
   * set, otherwise by email through `AuthConfig.emailSender` (email kind `two-factor:otp`).
   */
  otpOptions?: {
    sendOTP?: SendOtp;
    /** Minutes a code lives (default 3). */
    period?: number;
    /** Digits of a code (default 6). */
    digits?: number;
    /** Wrong tries before the code is spent (default 5). */
    allowedAttempts?: number;
  };
  backupCodeOptions?: {
    /** How many codes (default 10). */
    amount?: number;
    /** Characters per code (default 10), shown as two halves joined by `-`. */
    length?: number;
  };
  /** Turns two-factor on at enable, without a first verified code (default false: not recommended). */
  skipVerificationOnEnable?: boolean;
  /** Seconds the pending sign-in challenge lives (default 600). */
  twoFactorCookieMaxAge?: number;
  /** Seconds a trusted device skips the second factor (default 30 days); each use renews it. */
  trustDeviceMaxAge?: number;
  /** Wrong codes one pending sign-in allows before the user must sign in again (default 5). */
  allowedAttempts?: number;
  /** Consecutive wrong codes, over all challenges, that lock the account's second factor for a while. */
  accountLockout?: { enabled?: boolean; maxFailedAttempts?: number; durationSeconds?: number };
  /** SQL names of the two-factor table and its columns. */
  schema?: { twoFactor?: { modelName?: string; fields?: Partial<Record<TwoFactorField, string>> } };
}

export interface ResolvedTwoFactorOptions {
  issuer: string | undefined;
  totp: { digits: number; period: number; enabled: boolean };
  otp: { enabled: boolean; sendOTP: SendOtp | undefined; periodSeconds: number; digits: number; allowedAttempts: number };
  backupCodes: { amount: number; length: number };
  skipVerificationOnEnable: boolean;
  challengeMaxAgeSeconds: number;
  trustDeviceMaxAgeSeconds: number;
  allowedAttempts: number;
  lockout: { enabled: boolean; maxFailedAttempts: number; durationSeconds: number };
  schema: NonNullable<NonNullable<TwoFactorOptions['schema']>['twoFactor']>;
}

export function resolveTwoFactorOptions(options: TwoFactorOptions): ResolvedTwoFactorOptions {
  const resolved: ResolvedTwoFactorOptions = {
    issuer: options.issuer,
    totp: { digits: options.totpOptions?.digits ?? 6, period: options.totpOptions?.period ?? 30, enabled: !options.totpOptions?.disable },
    otp: {
      enabled: options.otpOptions !== undefined,
      sendOTP: options.otpOptions?.sendOTP,
      periodSeconds: (options.otpOptions?.period ?? 3) * 60,
      digits: options.otpOptions?.digits ?? 6,
      allowedAttempts: options.otpOptions?.allowedAttempts ?? 5,
    },
    backupCodes: { amount: options.backupCodeOptions?.amount ?? 10, length: options.backupCodeOptions?.length ?? 10 },
    skipVerificationOnEnable: options.skipVerificationOnEnable ?? false,
    challengeMaxAgeSeconds: options.twoFactorCookieMaxAge ?? 600,
    trustDeviceMaxAgeSeconds: options.trustDeviceMaxAge ?? 30 * 24 * 60 * 60,
    allowedAttempts: options.allowedAttempts ?? 5,
    lockout: {
      enabled: options.accountLockout?.enabled ?? true,
      maxFailedAttempts: options.accountLockout?.maxFailedAttempts ?? 10,
      durationSeconds: options.accountLockout?.durationSeconds ?? 900,
    },
    schema: options.schema?.twoFactor ?? {},
  };
  const { totp, otp, backupCodes } = resolved;
  if (![6, 8].includes(totp.digits)) throw new Error(`TwoFactorPlugin: totpOptions.digits must be 6 or 8 (got ${totp.digits}).`);
  // Below 15 s a code is gone before it is typed; the replay guard also stores steps as 32-bit integers.
  if (!(Number.isInteger(totp.period) && totp.period >= 15 && totp.period <= 300)) throw new Error(`TwoFactorPlugin: totpOptions.period must be 15–300 seconds (got ${totp.period}).`);
  if (!(Number.isInteger(otp.digits) && otp.digits >= 6 && otp.digits <= 10)) throw new Error(`TwoFactorPlugin: otpOptions.digits must be 6–10 (got ${otp.digits}).`);
  if (!(backupCodes.amount >= 1 && backupCodes.amount <= 50 && backupCodes.length >= 8 && backupCodes.length <= 32)) {
    throw new Error('TwoFactorPlugin: backupCodeOptions need 1–50 codes of 8–32 characters.');
  }
  if (!(resolved.allowedAttempts >= 1 && otp.allowedAttempts >= 1)) throw new Error('TwoFactorPlugin: allowedAttempts must be at least 1.');
  return resolved;
}
