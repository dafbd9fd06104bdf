import type { AuthContext } from '../../core/auth-context';
import { requireEmailSender, sendLinkEmail } from '../../email/send-email';
import { authURL } from '../../http/auth-url';
import type { RouteDefinition } from '../../http/route';
import { builtPart, type AuthPlugin } from '../auth-plugin';
import { changeEmailRoute } from './change-email';
import { deleteUserCallbackRoute, deleteUserRoute } from './delete-user';
import { resolveUserPluginOptions, type ResolvedUserPluginOptions, type UserPluginOptions } from './options';
import { updateUserRoute } from './update-user';

/**
 * The signed-in user's own record: `POST /update-user`, `POST /change-email`, `POST /delete-user` and
 * `GET /delete-user/callback`.
 * @example
 * auth.plugin(new UserPlugin<AppUser>({ afterDelete: async (user) => billing.cancel(user.stripeCustomerId) }))
 */
export class UserPlugin<U extends object = object> implements AuthPlugin {
  readonly id = 'user';
  readonly options: ResolvedUserPluginOptions;
  private context: AuthContext | undefined;

  constructor(options: UserPluginOptions<U> = {}) {
    this.options = resolveUserPluginOptions(options);
  }

  init(auth: AuthContext): void {
    if (this.options.enableDeleteUser && this.options.sendDeleteConfirmation) requireEmailSender(auth, 'UserPlugin (sendDeleteConfirmation)');
    this.context = auth;
  }

  routes(): RouteDefinition[] {
    const routes = [updateUserRoute()];
    if (this.options.enableChangeEmail) routes.push(changeEmailRoute());
    if (this.options.enableDeleteUser) routes.push(deleteUserRoute(this), deleteUserCallbackRoute(this));
    return routes;
  }

  /** Emails the user a link that deletes the account. `callbackURL` must already be checked. */
  async sendDeleteConfirmation(user: object, callbackURL?: string): Promise<void> {
    const auth = this.auth;
    const userId = auth.models.user.read(user, 'id');
    const to = auth.models.user.read(user, 'email');
    if (to === null) return; // no address to confirm by
    const expiresIn = this.options.deleteTokenExpiresIn;
    const token = await auth.tokens.issue('delete-account', { userId }, expiresIn);
    const url = authURL(auth, '/delete-user/callback', { token, callbackURL });
    await sendLinkEmail(auth, { kind: 'delete-account', to, url, token, expiresInSeconds: expiresIn });
  }

  private get auth(): AuthContext {
    return builtPart('UserPlugin', this.context);
  }
}
