import type { AuthContext } from '../../core/auth-context';
import type { RateLimitRule } from '../../core/rate-limit-rules';
import { requireEmailSender } from '../../email/send-email';
import { ConfigError } from '../../errors/config-error';
import type { RouteDefinition } from '../../http/route';
import type { PluginSchema } from '../../schema/auth-schema';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { forgetSecondFactor } from './address-claim';
import { adoptTwoFactorRows } from './adopt';
import { TWO_FACTOR_ERRORS } from './error-codes';
import { resolveTwoFactorOptions, type ResolvedTwoFactorOptions, type TwoFactorOptions } from './options';
import { OTP_EMAIL_KIND, otpEmailTemplate } from './otp';
import { TWO_FACTOR_MODEL, twoFactorTable } from './schema';
import { disableRoute, enableRoute, generateBackupCodesRoute, getTotpUriRoute } from './setup-routes';
import { twoFactorStep } from './sign-in-step';
import { revokeTrustedDevices } from './trusted-devices';
import { TwoFactorSecrets } from './two-factor-rows';
import { sendOtpRoute, verifyBackupCodeRoute, verifyOtpRoute, verifyTotpRoute } from './verify-routes';

/**
 * Two-factor authentication (better-auth's `two-factor` plugin, for its `twoFactorClient`): an authenticator
 * app (TOTP through `otpauth`), codes by email or the app's own channel (OTP), backup codes, and trusted
 * devices. For a user with two-factor on, every way of signing in answers `{ twoFactorRedirect: true,
 * twoFactorMethods }` with a short-lived signed `two_factor` cookie instead of a session; a verified code opens
 * the session. TOTP secrets are encrypted at rest (AES-256-GCM, key derived from the auth secret), backup and
 * emailed codes stored as keyed digests, each code good once.
 * @example
 * new BetterAuth(config).database(db).plugin(new EmailPasswordPlugin()).plugin(new TwoFactorPlugin({ issuer: 'Acme', otpOptions: {} }))
 */
export class TwoFactorPlugin implements AuthPlugin {
  readonly id = 'two-factor';
  readonly errorCodes = TWO_FACTOR_ERRORS;
  readonly options: ResolvedTwoFactorOptions;
  readonly schema: PluginSchema;
  readonly emailTemplates = { [OTP_EMAIL_KIND]: otpEmailTemplate };
  // better-auth's rule: three requests per ten seconds on every two-factor route.
  readonly rateLimit: readonly RateLimitRule[] = [{ path: (path: string) => path.startsWith('/two-factor/'), windowSeconds: 10, max: 3 }];
  /** Reseals better-auth's TOTP secrets and backup codes when `migrate --from better-auth` adopts its database. */
  readonly adopt = adoptTwoFactorRows;
  private keys: TwoFactorSecrets | undefined;

  constructor(options: TwoFactorOptions = {}) {
    this.options = resolveTwoFactorOptions(options);
    this.schema = { tables: { [TWO_FACTOR_MODEL]: twoFactorTable(this.options.schema) } };
  }

  init(auth: AuthContext): void {
    if (!auth.models.user.has('twoFactorEnabled')) {
      throw new ConfigError(`TwoFactorPlugin stores twoFactorEnabled on the user, but ${auth.models.user.className} has none: extend BaseUser, or declare it (@AuthField) with its column.`);
    }
    if (this.options.otp.enabled && !this.options.otp.sendOTP) requireEmailSender(auth, 'TwoFactorPlugin (otpOptions without sendOTP)');
    this.keys = new TwoFactorSecrets(auth.config.secret);
    auth.signIn.addStep(twoFactorStep(auth, this.options));
    // Trust was earned with the old password: a new one (changed, reset, set by an admin) ends it everywhere.
    auth.hooks.onPasswordChange(({ userId }) => revokeTrustedDevices(auth, userId));
    // A second factor set up on an unproven address was the squatter's: the owner's proof removes it.
    auth.hooks.onAddressClaimed(forgetSecondFactor(auth));
  }

  /** The keys derived from the auth secret (known once the instance is built). */
  get secrets(): TwoFactorSecrets {
    return builtPart('TwoFactorPlugin', this.keys);
  }

  /** The issuer authenticator apps show: the option, or the host of `baseURL`. */
  issuer(auth: AuthContext): string {
    return this.options.issuer ?? auth.config.baseURL.hostname;
  }

  routes(): RouteDefinition[] {
    return [
      enableRoute(this),
      getTotpUriRoute(this),
      disableRoute(),
      generateBackupCodesRoute(this),
      verifyTotpRoute(this),
      sendOtpRoute(this),
      verifyOtpRoute(this),
      verifyBackupCodeRoute(this),
    ];
  }

  api(auth: AuthContext) {
    return {
      twoFactor: {
        /** Forgets every device the user trusted (the next sign-in asks for the second factor again). */
        revokeTrustedDevices: (input: { userId: string }): Promise<void> => revokeTrustedDevices(auth, input.userId),
      },
    };
  }
}
