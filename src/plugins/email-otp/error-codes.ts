import { defineErrorCodes } from '../../errors/declared-error';

/** The email-OTP plugin's codes, named and worded as better-auth's `emailOTPClient` `$ERROR_CODES`. */
export const EMAIL_OTP_ERRORS = defineErrorCodes({
  OTP_EXPIRED: { status: 400, message: 'OTP expired' },
  INVALID_OTP: { status: 400, message: 'Invalid OTP' },
  TOO_MANY_ATTEMPTS: { status: 403, message: 'Too many attempts' },
  USER_NOT_FOUND: { status: 400, message: 'User not found' },
});
