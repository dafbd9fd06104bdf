import type { RequestHooks } from '../../http/request-hooks';
import type { RouteDefinition } from '../../http/route';
import type { AuthPlugin } from '../auth-plugin';
import { MULTI_SESSION_ERRORS } from './error-codes';
import { holdNewSessionHook } from './hold-new-session';
import { resolveMultiSessionOptions, type MultiSessionOptions, type ResolvedMultiSessionOptions } from './options';
import { listDeviceSessionsRoute, revokeDeviceSessionRoute, setActiveRoute } from './routes';
import { signOutEverySessionHook } from './sign-out-hook';

/**
 * Several accounts in one browser (better-auth's `multi-session` plugin, for its `multiSessionClient`): every
 * session the browser is handed also gets a signed `<session cookie>_multi-<token>` cookie, at most
 * `maximumSessions` of them; `GET /multi-session/list-device-sessions`, `POST /multi-session/set-active` and
 * `POST /multi-session/revoke` work on those cookies only, and sign-out ends every held session.
 * @example
 * new BetterAuth(config).database(db).plugin(new EmailPasswordPlugin()).plugin(new MultiSessionPlugin({ maximumSessions: 3 }))
 */
export class MultiSessionPlugin implements AuthPlugin {
  readonly id = 'multi-session';
  readonly options: ResolvedMultiSessionOptions;
  readonly errorCodes = MULTI_SESSION_ERRORS;
  readonly hooks: RequestHooks;

  constructor(options: MultiSessionOptions = {}) {
    this.options = resolveMultiSessionOptions(options);
    this.hooks = { before: [signOutEverySessionHook], after: [holdNewSessionHook(this.options)] };
  }

  routes(): RouteDefinition[] {
    return [listDeviceSessionsRoute(), setActiveRoute(), revokeDeviceSessionRoute()];
  }
}
