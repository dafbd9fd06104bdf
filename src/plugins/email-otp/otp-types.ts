/** What a code is for; a code of one type never passes for another (the type is part of its identifier and digest). */
export const OTP_TYPES = ['sign-in', 'email-verification', 'forget-password'] as const;

export type OtpType = (typeof OTP_TYPES)[number];

/** The email kind of each type: `email-otp:<type>`. */
export function otpEmailKind(type: OtpType): `email-otp:${OtpType}` {
  return `email-otp:${type}`;
}
