import type { AuthContext } from '../../core/auth-context';
import type { RateLimitRule } from '../../core/rate-limit-rules';
import { requireEmailSender } from '../../email/send-email';
import type { RouteDefinition } from '../../http/route';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { deliverOtp, emailOtpTemplates } from './email';
import { EMAIL_OTP_ERRORS } from './error-codes';
import { resolveEmailOtpOptions, type EmailOtpOptions, type ResolvedEmailOtpOptions } from './options';
import { OtpCodes } from './otp-codes';
import type { OtpType } from './otp-types';
import { resetPasswordOtpRoute } from './reset-route';
import { requestPasswordResetOtpRoutes, sendVerificationOtpRoute } from './send-routes';
import { signInEmailOtpRoute } from './sign-in-route';
import { checkVerificationOtpRoute, verifyEmailOtpRoute } from './verify-routes';

const RATE_LIMITED_PATHS = [
  '/email-otp/send-verification-otp',
  '/email-otp/check-verification-otp',
  '/email-otp/verify-email',
  '/sign-in/email-otp',
  '/email-otp/request-password-reset',
  '/forget-password/email-otp',
  '/email-otp/reset-password',
];

/**
 * One-time codes by email (better-auth's `email-otp` plugin, for its `emailOTPClient`): sign-in (and sign-up),
 * email verification and password reset. Codes are bound to their type and address, stored as keyed digests,
 * good once, for five minutes and three wrong tries; an account-wide limit bounds wrong codes across re-sent
 * ones. Emails are of kind `email-otp:<type>` with the code as `token`, or go through `sendVerificationOTP`.
 * @example
 * new BetterAuth({ ...config, emailSender }).database(db).plugin(new EmailOtpPlugin({ otpLength: 8 }))
 */
export class EmailOtpPlugin implements AuthPlugin {
  readonly id = 'email-otp';
  readonly options: ResolvedEmailOtpOptions;
  readonly errorCodes = EMAIL_OTP_ERRORS;
  readonly emailTemplates = emailOtpTemplates;
  readonly rateLimit: readonly RateLimitRule[];
  private context: AuthContext | undefined;
  private otpCodes: OtpCodes | undefined;

  constructor(options: EmailOtpOptions = {}) {
    this.options = resolveEmailOtpOptions(options);
    this.rateLimit = RATE_LIMITED_PATHS.map((path) => ({ path, windowSeconds: 60, max: this.options.rateLimitMax }));
  }

  init(auth: AuthContext): void {
    if (!this.options.sendVerificationOTP) requireEmailSender(auth, 'EmailOtpPlugin (without sendVerificationOTP)');
    this.context = auth;
    this.otpCodes = new OtpCodes(auth, this.options);
  }

  /** The codes of this instance (known once it is built). */
  get codes(): OtpCodes {
    return builtPart('EmailOtpPlugin', this.otpCodes);
  }

  /**
   * Makes and delivers a code when the address may get one: sign-in codes to anyone (unless `disableSignUp`),
   * the other types only to addresses with a user.
   */
  async sendCode(email: string, type: OtpType): Promise<void> {
    const auth = builtPart('EmailOtpPlugin', this.context);
    // No code for a reserved placeholder: not even through the app's own sendVerificationOTP.
    if (await auth.hooks.isReservedAddress(email)) return;
    const mayCreate = type === 'sign-in' && !this.options.disableSignUp;
    if (!mayCreate && !(await auth.db.getUserByEmail(email))) return;
    const otp = await this.codes.issue(type, email);
    await deliverOtp(auth, this.options, email, type, otp);
  }

  routes(): RouteDefinition[] {
    return [
      sendVerificationOtpRoute(this),
      signInEmailOtpRoute(this),
      verifyEmailOtpRoute(this),
      checkVerificationOtpRoute(this),
      ...requestPasswordResetOtpRoutes(this),
      resetPasswordOtpRoute(this),
    ];
  }
}
