import type { AuthContext } from '../../core/auth-context';
import { sendLinkEmail } from '../../email/send-email';
import type { EmailTemplate } from '../../email/templates';
import type { ResolvedEmailOtpOptions } from './options';
import { otpEmailKind, OTP_TYPES, type OtpType } from './otp-types';

const PURPOSE: Record<OtpType, { subject: string; what: string }> = {
  'sign-in': { subject: 'Your sign-in code', what: 'sign in' },
  'email-verification': { subject: 'Your verification code', what: 'verify this address' },
  'forget-password': { subject: 'Your password reset code', what: 'reset your password' },
};

function template(type: OtpType): EmailTemplate {
  const { subject, what } = PURPOSE[type];
  return ({ token, expiresInSeconds }) => {
    const minutes = Math.max(1, Math.round(expiresInSeconds / 60));
    const text = `Your code to ${what} is ${token}. It expires in ${minutes} minutes. If you did not ask for it, ignore this email.`;
    return { subject, text, html: `<p>Your code to ${what} is <strong>${token}</strong>.</p><p>It expires in ${minutes} minutes. If you did not ask for it, ignore this email.</p>` };
  };
}

/** The templates of the three kinds `email-otp:<type>`; the code travels as the email's `token`. */
export const emailOtpTemplates: Record<string, EmailTemplate> = Object.fromEntries(OTP_TYPES.map((type) => [otpEmailKind(type), template(type)]));

/** Delivers one code: through the app's `sendVerificationOTP`, or as an email. Never rejects (runs after the answer). */
export async function deliverOtp(auth: AuthContext, options: ResolvedEmailOtpOptions, email: string, type: OtpType, otp: string): Promise<void> {
  if (!options.sendVerificationOTP) {
    await sendLinkEmail(auth, { kind: otpEmailKind(type), to: email, url: auth.config.baseURL.href, token: otp, expiresInSeconds: options.expiresIn });
    return;
  }
  try {
    await options.sendVerificationOTP({ email, otp, type });
  } catch (error) {
    auth.config.logger.error(`sending the ${type} code failed: ${error instanceof Error ? error.message.split(otp).join('[redacted]') : 'unknown error'}`);
  }
}
