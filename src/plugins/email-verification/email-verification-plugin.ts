import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import type { LinkEmailKind } from '../../email/email-sender';
import { requireEmailSender, sendLinkEmail } from '../../email/send-email';
import { authURL } from '../../http/auth-url';
import type { RouteDefinition } from '../../http/route';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { resolveEmailVerificationOptions, type EmailVerificationOptions, type ResolvedEmailVerificationOptions } from './options';
import { sendVerificationEmailRoute, verifyEmailRoute } from './routes';

/** The `step` of a link that asks the current address to agree to an email change (payload field). */
export const CONFIRM_CURRENT_ADDRESS = 'confirm-current-address';

/**
 * Proves that users own their email addresses: `POST /send-verification-email` and the emailed link
 * `GET /verify-email?token=…`. It can send the link on sign-up, keep unverified users from signing in, and
 * sign users in when they follow the link. The user plugin's change-email sends its confirmation link
 * through it, so a new address is verified before it replaces the old one. Needs `AuthConfig.emailSender`.
 * @example
 * auth.plugin(new EmailVerificationPlugin({ requireEmailVerification: true, autoSignInAfterVerification: true }))
 */
export class EmailVerificationPlugin implements AuthPlugin {
  readonly id = 'email-verification';
  readonly options: ResolvedEmailVerificationOptions;
  private context: AuthContext | undefined;

  constructor(options: EmailVerificationOptions = {}) {
    this.options = resolveEmailVerificationOptions(options);
  }

  init(auth: AuthContext): void {
    requireEmailSender(auth, 'EmailVerificationPlugin');
    this.context = auth;
    if (this.options.requireEmailVerification) auth.hooks.requireVerifiedEmails();
    // A verified address is how the owner recovers the account: it must agree before it is replaced.
    auth.hooks.verifyEmailChangesWith({
      start: (user, newEmail, callbackURL) =>
        this.isVerified(user) ? this.sendChangeEmailConfirmation(user, newEmail, callbackURL) : this.sendChangeEmailVerification(user, newEmail, callbackURL),
    });
    auth.hooks.onSignUp(({ user, callbackURL }) => {
      if (!this.options.sendOnSignUp || this.isVerified(user)) return;
      auth.tasks.run('verification email after sign-up', () => this.sendVerificationEmail(user, callbackURL));
    });
    auth.hooks.addSessionGate((user, via) => {
      if (!this.options.requireEmailVerification || this.isVerified(user)) return null;
      if (via === 'sign-in' && this.options.sendOnSignIn) {
        auth.tasks.run('verification email after a refused sign-in', () => this.sendVerificationEmail(user));
      }
      return new AuthError('EMAIL_NOT_VERIFIED');
    });
  }

  routes(): RouteDefinition[] {
    return [sendVerificationEmailRoute(this), verifyEmailRoute(this)];
  }

  /** Emails a link that marks the user's current address as verified. `callbackURL` must already be checked. */
  async sendVerificationEmail(user: object, callbackURL?: string): Promise<void> {
    const auth = this.auth;
    const email = auth.models.user.read(user, 'email');
    if (email === null) return; // a user without an address has nothing to verify
    const userId = auth.models.user.read(user, 'id');
    await this.mailLink('verify-email', email, { userId, email }, callbackURL);
  }

  /**
   * Emails `newEmail` a link that, once followed, makes it the user's address (verified). The link dies if
   * the address changes in between, so only the last of several pending changes can land.
   */
  async sendChangeEmailVerification(user: object, newEmail: string, callbackURL?: string): Promise<void> {
    const auth = this.auth;
    const userId = auth.models.user.read(user, 'id');
    // A user without an address has none to replace: '' matches no stored address, so the link is refused.
    const replaces = auth.models.user.read(user, 'email') ?? '';
    await this.mailLink('change-email', newEmail, { userId, email: newEmail, replaces }, callbackURL);
  }

  /**
   * Asks the user's current (verified) address to agree to moving the account to `newEmail`. Following the
   * link sends `newEmail` its own link (`sendChangeEmailVerification`); nothing changes before both agree.
   */
  async sendChangeEmailConfirmation(user: object, newEmail: string, callbackURL?: string): Promise<void> {
    const auth = this.auth;
    const userId = auth.models.user.read(user, 'id');
    const current = auth.models.user.read(user, 'email');
    // Only asked of users whose current address is verified, so there is one to write to.
    if (current === null) throw new Error('sendChangeEmailConfirmation: the user has no current address to confirm from.');
    const payload = { userId, email: newEmail, replaces: current, step: CONFIRM_CURRENT_ADDRESS };
    await this.mailLink('change-email-confirmation', current, payload, callbackURL, `The new address would be ${newEmail}.`);
  }

  isVerified(user: object): boolean {
    return this.auth.models.user.read(user, 'emailVerified') === true;
  }

  private async mailLink(kind: LinkEmailKind, to: string, payload: Record<string, string>, callbackURL?: string, detail?: string): Promise<void> {
    const auth = this.auth;
    const token = await auth.tokens.issue('verify-email', payload, this.options.expiresIn);
    const url = authURL(auth, '/verify-email', { token, callbackURL });
    await sendLinkEmail(auth, { kind, to, url, token, expiresInSeconds: this.options.expiresIn, detail });
  }

  private get auth(): AuthContext {
    return builtPart('EmailVerificationPlugin', this.context);
  }
}
