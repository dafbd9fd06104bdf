import type { SessionWithUser } from '../../../adapters/inputs';
import type { AuthContext } from '../../core/auth-context';
import { mayActOn } from './admin-targets';
import { banStateOf } from './bans';
import type { ResolvedAdminOptions } from './options';
import { actorOf, hasPermission } from './permissions';

/**
 * An impersonation session stands only while its impersonator could still start it: they exist, are not
 * banned, and their roles still grant `impersonate` (and `impersonate-admins` when the user is an admin).
 * Checked when the session is used rather than when the impersonator changes, because a role loses the right
 * in more ways than the admin routes see (a new role set deployed, code writing the user) and no store can
 * list sessions by `impersonatedBy`. Costs one user read per request, on impersonation sessions only.
 */
export function impersonatorLostTheRight(auth: AuthContext, options: ResolvedAdminOptions) {
  // Synchronous for ordinary sessions: this runs on every session lookup.
  return (found: SessionWithUser<object, object>): boolean | Promise<boolean> => {
    const impersonatedBy = auth.models.session.read(found.session, 'impersonatedBy');
    return impersonatedBy == null ? false : lostTheRight(auth, options, String(impersonatedBy), found.user);
  };
}

async function lostTheRight(auth: AuthContext, options: ResolvedAdminOptions, impersonatorId: string, impersonated: object): Promise<boolean> {
  const impersonator = await auth.db.getUserById(impersonatorId);
  if (!impersonator) return true;
  const ban = banStateOf(auth, impersonator);
  if (ban.banned && !(ban.expires && ban.expires.getTime() <= Date.now())) return true;
  const actor = actorOf(auth, impersonator);
  if (!hasPermission(options, actor, { user: ['impersonate'] })) return true;
  return !mayActOn(options, actor, actorOf(auth, impersonated), 'impersonate-admins');
}
