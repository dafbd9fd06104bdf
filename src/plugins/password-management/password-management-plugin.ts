import type { AuthContext } from '../../core/auth-context';
import { normaliseEmail } from '../../core/normalise-email';
import { sendLinkEmail, requireEmailSender } from '../../email/send-email';
import { authURL } from '../../http/auth-url';
import type { RouteDefinition } from '../../http/route';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { resolvePasswordManagementOptions, type PasswordManagementOptions, type ResolvedPasswordManagementOptions } from './options';
import { credentialBinding } from './reset-binding';
import { requestPasswordResetRoutes, resetPasswordCallbackRoute, resetPasswordRoute } from './reset-routes';
import { changePasswordRoute, setPasswordRoute } from './routes';

/**
 * Forgotten and changed passwords: `POST /request-password-reset` (also `/forget-password`),
 * `GET /reset-password/:token`, `POST /reset-password`, `POST /change-password`, `POST /set-password`.
 * Needs `AuthConfig.emailSender` for the reset links.
 * @example
 * new BetterAuth({ secret, emailSender: new ConsoleEmailSender() }).database(db)
 *   .plugin(new EmailPasswordPlugin())
 *   .plugin(new PasswordManagementPlugin({ resetPasswordTokenExpiresIn: 30 * 60 }))
 */
export class PasswordManagementPlugin implements AuthPlugin {
  readonly id = 'password-management';
  private resolved: ResolvedPasswordManagementOptions | undefined;
  private context: AuthContext | undefined;

  constructor(private readonly given: PasswordManagementOptions = {}) {}

  init(auth: AuthContext): void {
    requireEmailSender(auth, 'PasswordManagementPlugin');
    this.resolved = resolvePasswordManagementOptions(this.given, auth);
    this.context = auth;
  }

  get options(): ResolvedPasswordManagementOptions {
    return builtPart('PasswordManagementPlugin', this.resolved);
  }

  routes(): RouteDefinition[] {
    return [
      ...requestPasswordResetRoutes(this),
      resetPasswordCallbackRoute(),
      resetPasswordRoute(this),
      changePasswordRoute(this),
      setPasswordRoute(this),
    ];
  }

  /**
   * Emails a reset link when `email` belongs to a user; does nothing otherwise. Runs after the answer, so
   * its timing tells nothing. `redirectTo` must already be checked against the trusted origins.
   */
  async sendResetEmail(email: string, redirectTo: string | undefined): Promise<void> {
    const auth = this.auth;
    const user = await auth.db.getUserByEmail(normaliseEmail(email));
    if (!user) return;
    const userId = auth.models.user.read(user, 'id');
    const to = auth.models.user.read(user, 'email');
    if (to === null) return; // found by its address, so it has one; the check narrows the type
    const expiresIn = this.options.resetPasswordTokenExpiresIn;
    const token = await auth.tokens.issue('reset-password', { userId, binding: await credentialBinding(auth, user) }, expiresIn);
    const url = authURL(auth, `/reset-password/${token}`, { callbackURL: redirectTo });
    await sendLinkEmail(auth, { kind: 'reset-password', to, url, token, expiresInSeconds: expiresIn });
  }

  private get auth(): AuthContext {
    return builtPart('PasswordManagementPlugin', this.context);
  }
}
