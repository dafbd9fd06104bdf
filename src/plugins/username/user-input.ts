import type { AuthContext } from '../../core/auth-context';
import type { UserInputChange } from '../../core/auth-hooks';
import { AuthError } from '../../errors/auth-error';
import { USERNAME_ERRORS } from './error-codes';
import type { ResolvedUsernameOptions } from './options';
import { assertDisplayUsername, assertUsername, normaliseUsername, usernameProblem } from './username-rules';

/**
 * The `username` and `displayUsername` of a sign-up or update-user body, checked and normalised, as the
 * fields to write. At sign-up a `displayUsername` alone also becomes the username when it is a valid one,
 * and a username alone is its own display name (better-auth's behaviour). A taken name is refused here; two
 * sign-ups racing for one name are settled by the unique index (one user, the other 422).
 */
export async function usernameInput(
  auth: AuthContext,
  options: ResolvedUsernameOptions,
  body: Readonly<Record<string, unknown>>,
  change: UserInputChange,
): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  let username = body.username;
  if (username === undefined && change.via === 'sign-up' && typeof body.displayUsername === 'string' && !(await usernameProblem(options, body.displayUsername))) {
    username = body.displayUsername;
  }
  if (username !== undefined && username !== null) {
    const normalised = normaliseUsername(await assertUsername(options, username));
    const holder = await auth.db.findUserBy('username', normalised);
    const holderId = holder ? auth.models.user.read(holder, 'id') : null;
    if (holder && holderId !== change.userId) throw new AuthError(USERNAME_ERRORS.USERNAME_IS_ALREADY_TAKEN);
    if (change.via === 'update-user' && options.immutableUsername) await assertUnchanged(auth, change.userId, normalised);
    values.username = normalised;
    if (change.via === 'sign-up' && body.displayUsername === undefined) values.displayUsername = username;
  }
  if (body.displayUsername !== undefined) values.displayUsername = await assertDisplayUsername(options, body.displayUsername);
  return values;
}

async function assertUnchanged(auth: AuthContext, userId: string | undefined, normalised: string): Promise<void> {
  const user = userId ? await auth.db.getUserById(userId) : null;
  const current = user ? auth.models.user.read(user, 'username') : null;
  if (current && current !== normalised) throw new AuthError(USERNAME_ERRORS.USERNAME_IS_IMMUTABLE);
}
