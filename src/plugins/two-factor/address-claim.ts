import type { AuthContext } from '../../core/auth-context';
import type { AddressClaimedEvent } from '../../core/auth-hooks';
import { forgetCounts } from './lockout';
import { twoFactorModel } from './schema';
import { revokeTrustedDevices } from './trusted-devices';

/*
 * A squatter who signed up with someone else's address may have turned two-factor on before the owner proved
 * the address (`claimAddress`). Left in place, the owner would be asked for the squatter's authenticator at
 * every sign-in (locked out of their own account), and the squatter would keep a factor of it. So when the
 * address is claimed, everything of this plugin goes with the squatter's password and sessions, in the same
 * transaction: the secret and backup codes, the flag, the trusted devices and the lockout counts. The owner
 * signs in without a second factor and may set up their own.
 */

/** The `auth.hooks.onAddressClaimed` listener of the two-factor plugin. */
export function forgetSecondFactor(auth: AuthContext): (event: AddressClaimedEvent) => Promise<void> {
  return async ({ userId, tx }) => {
    await auth.records(twoFactorModel, tx).deleteMany({ userId });
    await tx.updateUser(userId, { twoFactorEnabled: false });
    await revokeTrustedDevices(auth, userId, tx);
    await forgetCounts(auth, userId, tx);
  };
}
