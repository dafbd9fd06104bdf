import type { BaseSession } from '../../../entities/base/base-session';
import type { BaseUser } from '../../../entities/base/base-user';
import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import { ConfigError } from '../../errors/config-error';
import type { RequestHooks } from '../../http/request-hooks';
import type { RouteDefinition } from '../../http/route';
import type { AuthPlugin } from '../auth-plugin';
import { isAnonymousUser } from './anonymous-user';
import { deleteAnonymousUserRoute } from './delete-route';
import { ANONYMOUS_ERRORS } from './error-codes';
import { linkAnonymousUser } from './link-account';
import { resolveAnonymousOptions, type AnonymousOptions, type ResolvedAnonymousOptions } from './options';
import { reservedAddress } from './placeholder-email';
import { signInAnonymousRoute } from './sign-in-route';

/**
 * Anonymous users (better-auth's `anonymous` plugin, for its `anonymousClient`): `POST /sign-in/anonymous` makes
 * a user with a placeholder address and `isAnonymous: true`; when that browser later signs in or up as a real
 * user, `onLinkAccount` runs and the anonymous user is deleted with its sessions, in the new session's
 * transaction; `POST /delete-anonymous-user` deletes it on request.
 *
 * Placeholders are reserved addresses (`auth.hooks.reserveAddresses`): no email goes to one, no magic link or
 * code is issued for one, no proof of one claims a user, sign-up and change-email refuse one; anonymous users
 * cannot change their address (they sign up instead). Needs the user class's `isAnonymous` field (BaseUser has
 * it; migration 008 adds the column).
 * @example
 * new BetterAuth(config).database(db).plugin(new AnonymousPlugin<AppUser, AppSession>({
 *   onLinkAccount: async ({ anonymousUser, newUser, tx }) => { await moveCart(anonymousUser.user.id, newUser.user.id, tx); },
 * }))
 */
export class AnonymousPlugin<U extends object = BaseUser, S extends object = BaseSession> implements AuthPlugin {
  readonly id = 'anonymous';
  readonly errorCodes = ANONYMOUS_ERRORS;
  readonly options: ResolvedAnonymousOptions<U, S>;
  readonly hooks: RequestHooks = {
    before: [
      {
        // The placeholder stays the anonymous user's address until it signs up: moving it to a real address
        // would hand that mailbox an account nobody proved it owns, and free the placeholder's reservation.
        matcher: '/change-email',
        handle: async (ctx) => {
          const active = await ctx.session();
          if (active && isAnonymousUser(ctx.auth, active.user)) throw new AuthError(ANONYMOUS_ERRORS.ANONYMOUS_USERS_CANNOT_CHANGE_EMAIL);
        },
      },
    ],
  };

  constructor(options: AnonymousOptions<U, S> = {}) {
    this.options = resolveAnonymousOptions(options);
  }

  init(auth: AuthContext): void {
    if (!auth.models.user.has('isAnonymous')) {
      throw new ConfigError('AnonymousPlugin stores isAnonymous, which the user class lacks: extend BaseUser, or declare it (@AuthField) with its column (migration 008).');
    }
    const options = this.options as unknown as ResolvedAnonymousOptions<object, object>;
    auth.hooks.reserveAddresses(reservedAddress(auth, options));
    auth.signIn.onSessionSwitch(linkAnonymousUser(auth, options));
  }

  routes(): RouteDefinition[] {
    const options = this.options as unknown as ResolvedAnonymousOptions<object, object>;
    return [signInAnonymousRoute(options), deleteAnonymousUserRoute(options)];
  }
}
