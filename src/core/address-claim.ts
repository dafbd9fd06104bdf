import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { AuthContext } from './auth-context';
import { passwordCheckKey } from './credential-account';

/** What `claimAddress` did to the user it was given. */
export interface AddressClaim {
  /** The user as stored after the claim (email verified), or `null` when the user no longer exists. */
  readonly user: object | null;
  /** Whether the address was unproven until now, so earlier passwords, links and sessions were removed. */
  readonly cleared: boolean;
}

/**
 * The one place where a proof of an email address (a provider that verified it, a magic link, an emailed
 * code, later a passkey bound to it) lands on an existing user. Every sign-in flow that proves the address
 * calls this before it links anything or opens a session.
 *
 * Why: anyone may sign up with someone else's address and leave it unverified (a pre-registered, "pre-hijacked"
 * account). If the real owner's later proof simply joined that row, the squatter would keep the password,
 * provider links and sessions they set up and share the owner's account from then on. So when the user's
 * address was never verified, everything that was set up on the unproven address goes first: every account
 * row (the password and any provider linked before the proof), every session and the count of wrong passwords;
 * then the plugins' `auth.hooks.onAddressClaimed` listeners remove what the squatter set up in their tables (a
 * second factor, whom the owner would otherwise be asked for; passkeys); then the address is marked verified. A
 * verified user is left as it is.
 *
 * All of it runs in one transaction together with `then` (the flow's own write, e.g. the provider account to
 * link): a database fault anywhere leaves the user exactly as it was. Sessions are removed through the
 * session store so a caching store forgets them too.
 * @example
 * const claim = await claimAddress(auth, userId, (tx) => tx.createAccount({ userId, providerId, accountId }));
 * if (!claim.user) return { ok: false, error: 'user_not_found' };
 * await auth.signIn.open(claim.user, { via: 'social', client });
 */
export async function claimAddress(auth: AuthContext, userId: string, then?: (tx: DatabaseAdapter) => Promise<unknown>): Promise<AddressClaim> {
  return auth.db.transaction(async (tx) => {
    const user = await tx.getUserById(userId);
    if (!user) return { user: null, cleared: false };
    // Whoever "proves" a reserved placeholder (a provider asserting it) must not take its user over.
    const email = auth.models.user.read(user, 'email');
    if (email !== null && (await auth.hooks.isReservedAddress(email))) return { user: null, cleared: false };
    let claimed: object = user;
    let cleared = false;
    if (auth.models.user.read(user, 'emailVerified') !== true) {
      for (const account of await tx.listAccountsForUser(userId)) await tx.deleteAccount(auth.models.account.read(account, 'id'));
      await auth.sessions.revokeAll(userId, undefined, tx);
      await auth.failureLimit.clear(passwordCheckKey(userId), tx);
      await auth.hooks.addressClaimed({ userId, tx });
      // Read back after the listeners, so the user the flow signs in carries what they changed (two-factor off).
      claimed = (await tx.updateUser(userId, { emailVerified: true })) ?? user;
      cleared = true;
    }
    await then?.(tx);
    return { user: claimed, cleared };
  });
}
