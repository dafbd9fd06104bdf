import type { AuthContext } from '../../core/auth-context';
import { KeyedQueue } from '../../core/keyed-queue';
import type { SessionSwitchListener } from '../../core/sign-in-pipeline';
import { isAnonymousUser } from './anonymous-user';
import type { ResolvedAnonymousOptions } from './options';

/**
 * The session-switch listener behind account linking: when a browser holding an anonymous session signs in or
 * up as a real user, any way at all (password, social, magic link, passkey, email code),
 * `onLinkAccount` runs and the anonymous user goes with its sessions and accounts, all in the transaction of
 * the new session: a fault anywhere leaves the anonymous user, its session and no new session.
 *
 * Two sign-ins carrying one anonymous session at once must not both link it. The first write on the anonymous
 * user's row is the claim: on PostgreSQL and MySQL a second transaction's write waits for that row lock and
 * then finds the row gone; within one process the queue keeps the memory adapter (whose transactions do not
 * lock) to the same order. The loser's sign-in still succeeds, with nothing left to link.
 */
export function linkAnonymousUser(auth: AuthContext, options: ResolvedAnonymousOptions<object, object>): SessionSwitchListener {
  const queue = new KeyedQueue();
  const read = auth.models.user.read.bind(auth.models.user);
  return async ({ previous, user, session, tx }) => {
    if (!isAnonymousUser(auth, previous.user) || isAnonymousUser(auth, user)) return;
    const anonymousId = read(previous.user, 'id');
    if (anonymousId === read(user, 'id')) return;
    await queue.run(anonymousId, async () => {
      // Linked or deleted meanwhile (or made a real user by server code): nothing to link.
      const current = await tx.getUserById(anonymousId);
      if (!current || !isAnonymousUser(auth, current)) return;
      const claimed = await tx.updateUser(anonymousId, { isAnonymous: true });
      if (!claimed) return;
      await options.onLinkAccount?.({ anonymousUser: { user: claimed, session: previous.session }, newUser: { user, session }, tx });
      if (options.disableDeleteAnonymousUser) return;
      // Through the session store, so a secondary storage forgets them too; accounts go with the user.
      await auth.sessions.revokeAll(anonymousId, undefined, tx);
      await tx.deleteUser(anonymousId);
    });
  };
}
