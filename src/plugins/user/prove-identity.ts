import type { AuthContext } from '../../core/auth-context';
import { checkPassword } from '../../core/credential-account';
import { assertFreshSession } from '../../core/fresh-session';
import type { ActiveSession } from '../../core/session-service';
import { AuthError } from '../../errors/auth-error';

/**
 * Refuses unless the caller proves to be the user, for changes that end the account or hand it to another
 * address: the right `password` when one is given, otherwise a fresh session. A stolen cookie that has been
 * lying around is not enough for either.
 */
export async function assertIdentityProof(auth: AuthContext, active: ActiveSession, password: string | null | undefined): Promise<void> {
  // `null` passes the DTO's @IsOptional: it means "no password given", as leaving it out does.
  if (password == null) {
    assertFreshSession(auth, active.session);
    return;
  }
  const userId = auth.models.user.read(active.user, 'id');
  const maxLength = auth.passwordLengths.max;
  const outcome = await checkPassword(auth, userId, password, maxLength);
  if (outcome === 'no-credential') throw new AuthError('CREDENTIAL_ACCOUNT_NOT_FOUND');
  if (outcome === 'wrong') throw new AuthError('INVALID_PASSWORD');
}
