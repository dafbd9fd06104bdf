import { defineErrorCodes } from '../../errors/declared-error';

/**
 * The two-factor plugin's codes, named, worded and with the statuses of better-auth's `twoFactorClient`
 * (`INVALID_CODE`, `INVALID_BACKUP_CODE` and `INVALID_TWO_FACTOR_COOKIE` are 401s; a locked account is a 429).
 */
export const TWO_FACTOR_ERRORS = defineErrorCodes({
  OTP_NOT_ENABLED: { status: 400, message: 'OTP not enabled' },
  OTP_NOT_CONFIGURED: { status: 400, message: 'OTP is not available' },
  OTP_HAS_EXPIRED: { status: 400, message: 'OTP has expired' },
  TOTP_NOT_ENABLED: { status: 400, message: 'TOTP not enabled' },
  TOTP_ALREADY_ENABLED: { status: 400, message: 'TOTP is already enabled' },
  TOTP_NOT_CONFIGURED: { status: 400, message: 'TOTP is not available' },
  TWO_FACTOR_NOT_ENABLED: { status: 400, message: "Two factor isn't enabled" },
  BACKUP_CODES_NOT_ENABLED: { status: 400, message: "Backup codes aren't enabled" },
  INVALID_BACKUP_CODE: { status: 401, message: 'Invalid backup code' },
  INVALID_CODE: { status: 401, message: 'Invalid code' },
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: { status: 400, message: 'Too many attempts. Please request a new code.' },
  ACCOUNT_TEMPORARILY_LOCKED: {
    status: 429,
    message: 'Too many failed verification attempts. Your account is temporarily locked. Please try again later.',
  },
  INVALID_TWO_FACTOR_COOKIE: { status: 401, message: 'Invalid two factor cookie' },
});
