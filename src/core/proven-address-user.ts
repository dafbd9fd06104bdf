import { UniqueConstraintError } from '../../adapters/errors';
import { claimAddress } from './address-claim';
import type { AuthContext } from './auth-context';
import { normaliseEmail } from './normalise-email';

/** The user a proof of an address (a followed magic link, a right emailed code) signs in, or why not. */
export type ProvenAddressUser =
  | { readonly ok: true; readonly user: object; readonly isNew: boolean }
  | { readonly ok: false; readonly reason: 'signup-disabled' | 'user-not-found' };

/**
 * The user behind an address its owner just proved, for the passwordless flows (magic link, email OTP):
 * - an existing user gets the address claimed first (`claimAddress`: a never-verified account loses every
 *   password, provider link and session set up on it, then is marked verified);
 * - nobody → a new user with the address verified (the proof is exactly that), unless `signUp` is `false`.
 *
 * Two proofs for one new address at once race on the unique email: the loser finds the winner's user and
 * signs into it, so one address is never two users.
 * @example
 * const found = await userForProvenAddress(auth, email, { name: dto.name ?? '' });
 * if (found.ok) await auth.signIn.open(found.user, { via: 'magic-link', client });
 */
export async function userForProvenAddress(auth: AuthContext, rawEmail: string, signUp: { name: string; image?: string } | false): Promise<ProvenAddressUser> {
  const email = normaliseEmail(rawEmail);
  // A reserved address (a placeholder) proves nothing: nobody may sign in, up or claim a user with it.
  if (await auth.hooks.isReservedAddress(email)) return { ok: false, reason: 'user-not-found' };
  const existing = await auth.db.getUserByEmail(email);
  if (existing) return claimExisting(auth, existing);
  if (!signUp) return { ok: false, reason: 'signup-disabled' };
  try {
    const user = await auth.db.createUser({ email, name: signUp.name, ...(signUp.image ? { image: signUp.image } : {}), emailVerified: true });
    return { ok: true, user, isNew: true };
  } catch (error) {
    if (!(error instanceof UniqueConstraintError)) throw error;
    const winner = await auth.db.getUserByEmail(email);
    return winner ? claimExisting(auth, winner) : { ok: false, reason: 'user-not-found' };
  }
}

async function claimExisting(auth: AuthContext, user: object): Promise<ProvenAddressUser> {
  if (auth.models.user.read(user, 'emailVerified') === true) return { ok: true, user, isNew: false };
  const claim = await claimAddress(auth, auth.models.user.read(user, 'id'));
  return claim.user ? { ok: true, user: claim.user, isNew: false } : { ok: false, reason: 'user-not-found' };
}
