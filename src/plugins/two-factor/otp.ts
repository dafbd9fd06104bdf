import { randomInt, timingSafeEqual } from 'node:crypto';
import type { AuthContext } from '../../core/auth-context';
import { sendLinkEmail } from '../../email/send-email';
import type { EmailTemplate } from '../../email/templates';
import { AuthError } from '../../errors/auth-error';
import { challengeKey } from './challenge';
import { TWO_FACTOR_ERRORS } from './error-codes';
import type { ResolvedTwoFactorOptions } from './options';
import type { CodeCheck } from './verify-flow';
import type { TwoFactorSecrets } from './two-factor-rows';
import type { Verifier } from './verifier';
import { dropValues, putValue, takeValue } from './verification-values';

/** The email kind of an emailed code. */
export const OTP_EMAIL_KIND = 'two-factor:otp';

/** The OTP email: the code itself is the "token"; there is no link to follow. */
export const otpEmailTemplate: EmailTemplate = ({ token, expiresInSeconds }) => {
  const minutes = Math.round(expiresInSeconds / 60);
  return {
    subject: 'Your sign-in code',
    text: `Your sign-in code is ${token}. It expires in ${minutes} minutes. If you did not try to sign in, change your password.`,
    html: `<p>Your sign-in code is <strong>${token}</strong>.</p><p>It expires in ${minutes} minutes. If you did not try to sign in, change your password.</p>`,
  };
};

interface StoredOtp {
  digest: string;
  attempts: number;
}

/** One code per pending sign-in (or per signed-in user); sending again replaces it. */
function otpIdentifier(verifier: Verifier): string {
  return `two-factor:otp:${verifier.kind === 'sign-in' ? challengeKey(verifier.token) : `user:${verifier.userId}`}`;
}

/** Makes a code, stores its keyed digest, and sends it through the app's `sendOTP` or by email. */
export async function sendOtp(auth: AuthContext, options: ResolvedTwoFactorOptions, secrets: TwoFactorSecrets, verifier: Verifier): Promise<void> {
  const { digits, periodSeconds, sendOTP } = options.otp;
  const code = String(randomInt(0, 10 ** digits)).padStart(digits, '0');
  const identifier = otpIdentifier(verifier);
  await dropValues(auth, identifier);
  const stored: StoredOtp = { digest: secrets.otpCodes.of(code), attempts: 0 };
  await putValue(auth, identifier, stored, new Date(Date.now() + periodSeconds * 1000));
  if (sendOTP) {
    try {
      await sendOTP({ user: verifier.user, otp: code });
    } catch (error) {
      auth.config.logger.error(`sending the two-factor OTP failed: ${error instanceof Error ? error.message.split(code).join('[redacted]') : 'unknown error'}`);
    }
    return;
  }
  const email = auth.models.user.read(verifier.user, 'email');
  if (!email) throw new AuthError(TWO_FACTOR_ERRORS.OTP_NOT_ENABLED); // nowhere to send it
  await sendLinkEmail(auth, { kind: OTP_EMAIL_KIND, to: email, url: auth.config.baseURL.href, token: code, expiresInSeconds: periodSeconds });
}

/**
 * Checks a code against the one sent: right once (the code is then spent), wrong (it stays for the remaining
 * tries), 400 `OTP_HAS_EXPIRED` when none is pending, 400 `TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE` after
 * `allowedAttempts` wrong ones. The stored code is taken atomically, so two racing right answers open one session.
 */
export async function checkOtp(auth: AuthContext, options: ResolvedTwoFactorOptions, secrets: TwoFactorSecrets, verifier: Verifier, code: string): Promise<CodeCheck> {
  const identifier = otpIdentifier(verifier);
  const taken = await takeValue<StoredOtp>(auth, identifier);
  if (!taken) throw new AuthError(TWO_FACTOR_ERRORS.OTP_HAS_EXPIRED);
  const { value, expiresAt } = taken;
  if (!(value.attempts < options.otp.allowedAttempts)) throw new AuthError(TWO_FACTOR_ERRORS.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE);
  const given = Buffer.from(secrets.otpCodes.of(code.trim()), 'hex');
  const expected = Buffer.from(String(value.digest), 'hex');
  if (given.length === expected.length && timingSafeEqual(given, expected)) return 'right';
  await putValue(auth, identifier, { ...value, attempts: value.attempts + 1 }, expiresAt);
  return 'wrong';
}
