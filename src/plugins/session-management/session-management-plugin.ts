import type { RouteDefinition } from '../../http/route';
import type { AuthPlugin } from '../auth-plugin';
import { resolveSessionManagementOptions, type ResolvedSessionManagementOptions, type SessionManagementOptions } from './options';
import {
  getSessionRoute,
  listSessionsRoute,
  revokeOtherSessionsRoute,
  revokeSessionRoute,
  revokeSessionsRoute,
  signOutRoute,
} from './routes';

/**
 * Reading and ending sessions: `GET /get-session`, `POST /sign-out`, and (unless turned off) `GET /list-sessions`,
 * `POST /revoke-session`, `POST /revoke-sessions`, `POST /revoke-other-sessions`.
 * @example
 * auth.plugin(new SessionManagementPlugin({ enableSessionListing: true, enableSessionRevocation: true }))
 */
export class SessionManagementPlugin implements AuthPlugin {
  readonly id = 'session-management';
  readonly options: ResolvedSessionManagementOptions;

  constructor(options: SessionManagementOptions = {}) {
    this.options = resolveSessionManagementOptions(options);
  }

  routes(): RouteDefinition[] {
    const routes = [getSessionRoute(this.options), signOutRoute()];
    if (this.options.enableSessionListing) routes.push(listSessionsRoute());
    if (this.options.enableSessionRevocation) routes.push(revokeSessionRoute(), revokeSessionsRoute(), revokeOtherSessionsRoute());
    return routes;
  }
}
