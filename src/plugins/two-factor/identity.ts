import type { AuthContext } from '../../core/auth-context';
import { checkPassword } from '../../core/credential-account';
import { assertFreshSession } from '../../core/fresh-session';
import type { ActiveSession } from '../../core/session-service';
import { AuthError } from '../../errors/auth-error';

/**
 * The password check of the routes that change or reveal a factor (`enable`, `disable`, `get-totp-uri`,
 * `generate-backup-codes`): the user's password, or, for a user who has none (social sign-in only), a fresh
 * session. A missing or wrong password is 400 `INVALID_PASSWORD`, as better-auth answers.
 */
export async function assertPassword(auth: AuthContext, active: ActiveSession, password: string | undefined): Promise<void> {
  const userId = auth.models.user.read(active.user, 'id');
  const outcome = await checkPassword(auth, userId, password ?? '', auth.passwordLengths.max);
  if (outcome === 'ok') return;
  if (outcome === 'no-credential') {
    assertFreshSession(auth, active.session);
    return;
  }
  throw new AuthError('INVALID_PASSWORD');
}
