import type { AuthContext } from '../../core/auth-context';
import type { SignInStep } from '../../core/sign-in-pipeline';
import { AuthError } from '../../errors/auth-error';
import { ADMIN_ERRORS } from './error-codes';
import type { ResolvedAdminOptions } from './options';

/** What is stored on a user about a ban. */
export interface BanState {
  banned: boolean;
  reason: string | null;
  expires: Date | null;
}

export function banStateOf(auth: AuthContext, user: object): BanState {
  const model = auth.models.user;
  const expires = model.read(user, 'banExpires');
  const reason = model.read(user, 'banReason');
  return {
    banned: model.read(user, 'banned') === true,
    reason: typeof reason === 'string' ? reason : null,
    expires: expires instanceof Date ? expires : null,
  };
}

const LIFTED = { banned: false, banReason: null, banExpires: null };

/**
 * The sign-in step that keeps banned users out, whatever the way of signing in (email, username, social,
 * magic link…: they all open sessions through the pipeline). A ban whose time is up is lifted on the way, so
 * nobody has to run a job for it.
 */
export function banStep(auth: AuthContext, options: ResolvedAdminOptions): SignInStep {
  return {
    id: 'admin:ban',
    run: async (attempt) => {
      const ban = banStateOf(auth, attempt.user);
      if (!ban.banned) return undefined;
      if (ban.expires && ban.expires.getTime() <= Date.now()) {
        await auth.db.updateUser(attempt.userId, LIFTED);
        return undefined;
      }
      return { refuse: new AuthError(ADMIN_ERRORS.BANNED_USER, options.bannedUserMessage({ reason: ban.reason, expires: ban.expires })) };
    },
  };
}

/** Bans a user and ends every session they hold at once (through the session store, so a cache forgets them too). */
export async function banUser(
  auth: AuthContext,
  options: ResolvedAdminOptions,
  userId: string,
  input: { banReason?: string; banExpiresIn?: number },
): Promise<object> {
  const expiresInMs = input.banExpiresIn ? input.banExpiresIn * 1000 : options.defaultBanExpiresInMs;
  const user = await auth.db.updateUser(userId, {
    banned: true,
    banReason: input.banReason || options.defaultBanReason,
    banExpires: expiresInMs ? new Date(Date.now() + expiresInMs) : null,
  });
  if (!user) throw new AuthError(ADMIN_ERRORS.USER_NOT_FOUND);
  await auth.sessions.revokeAll(userId);
  return user;
}

export async function unbanUser(auth: AuthContext, userId: string): Promise<object> {
  const user = await auth.db.updateUser(userId, LIFTED);
  if (!user) throw new AuthError(ADMIN_ERRORS.USER_NOT_FOUND);
  return user;
}
