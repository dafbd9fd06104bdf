import { createHmac } from 'node:crypto';
import type { AuthContext } from '../../core/auth-context';
import { findCredentialAccount, passwordHashOf } from '../../core/credential-account';
import type { TokenCheck } from '../../core/verification-tokens';

/**
 * What a reset link is bound to: the user's address and password hash as they were when it was sent, keyed
 * with the secret. A later reset, change-password, set-password or email change alters one of them, so
 * every link sent before it stops working, without searching the verification table by user (the adapter
 * contract cannot) and whatever plugin made the change.
 */
export async function credentialBinding(auth: AuthContext, user: object): Promise<string> {
  const userId = auth.models.user.read(user, 'id');
  const hash = passwordHashOf(auth, await findCredentialAccount(auth, userId)) ?? '';
  const email = String(auth.models.user.read(user, 'email') ?? '');
  return createHmac('sha256', auth.config.secret).update(`reset-password\u0000${email}\u0000${hash}`).digest('base64url');
}

/**
 * The user a checked reset token acts for, when it still can: `null` for a token whose user is gone, or whose
 * address or password changed since it was sent (those answer `INVALID_TOKEN`, like a used token).
 */
export async function resetTokenUser(auth: AuthContext, check: Extract<TokenCheck, { ok: true }>): Promise<{ user: object; userId: string } | null> {
  const { userId, binding } = check.payload;
  const user = userId ? await auth.db.getUserById(userId) : null;
  if (!user || !userId || !binding) return null;
  return binding === (await credentialBinding(auth, user)) ? { user, userId } : null;
}
