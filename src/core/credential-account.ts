import { AuthError } from '../errors/auth-error';
import type { AuthContext } from './auth-context';

/** The provider id of email/password accounts, as better-auth names it. */
export const CREDENTIAL_PROVIDER = 'credential';

/**
 * The user's email/password account, if any. Found among the user's accounts by provider rather than by
 * `accountId`, so databases where the credential's `accountId` is not the user id still work.
 */
export async function findCredentialAccount(auth: AuthContext, userId: string): Promise<object | null> {
  const accounts = await auth.db.listAccountsForUser(userId);
  return accounts.find((account) => auth.models.account.read(account, 'providerId') === CREDENTIAL_PROVIDER) ?? null;
}

/** The stored password hash of an account, or `null` (social accounts, credential accounts without one). */
export function passwordHashOf(auth: AuthContext, account: object | null): string | null {
  if (!account) return null;
  const hash = auth.models.account.read(account, 'password');
  return typeof hash === 'string' && hash !== '' ? hash : null;
}

/**
 * How many wrong passwords a signed-in account may send to the routes that check one (change-password,
 * delete-user, change-email, two-factor setup) before they answer 429 for `lockSeconds`. Sign-in is not
 * counted here: anyone may name any account there, so a bound would let anyone lock anyone out (the rate
 * limiter's per-account rule covers it).
 */
export const PASSWORD_CHECK_BOUND = { maxFailures: 10, lockSeconds: 900 } as const;

/** The `auth.failureLimit` key counting checks of a user's password (cleared when the address is claimed). */
export const passwordCheckKey = (userId: string): string => `password:${userId}`;

/**
 * Checks a signed-in user's password: `no-credential` when the user has none to check against. Passwords longer
 * than `maxLength` are `wrong` without being hashed (no stored password is that long). Every check is counted
 * per account before it runs (`auth.failureLimit`): past `PASSWORD_CHECK_BOUND` it is 429 `TOO_MANY_REQUESTS`
 * without hashing, whatever the client address; a right password clears the count.
 */
export async function checkPassword(
  auth: AuthContext,
  userId: string,
  password: string,
  maxLength: number,
): Promise<'ok' | 'wrong' | 'no-credential'> {
  const hash = passwordHashOf(auth, await findCredentialAccount(auth, userId));
  if (!hash) return 'no-credential';
  const key = passwordCheckKey(userId);
  const locked = await auth.failureLimit.take(key, PASSWORD_CHECK_BOUND);
  if (locked) throw new AuthError('TOO_MANY_REQUESTS', undefined, undefined, locked);
  if (password.length > maxLength || !(await auth.hasher.verify(hash, password))) return 'wrong';
  await auth.failureLimit.clear(key);
  return 'ok';
}

/**
 * Stores a new password hash on the user's credential account, creating the account when there is none, and
 * tells the password-change listeners (`auth.hooks.onPasswordChange`).
 */
export async function storeCredentialPassword(auth: AuthContext, userId: string, passwordHash: string): Promise<void> {
  const account = await findCredentialAccount(auth, userId);
  if (account) await auth.db.updateAccount(auth.models.account.read(account, 'id'), { password: passwordHash });
  else await auth.db.createAccount({ userId, providerId: CREDENTIAL_PROVIDER, accountId: userId, password: passwordHash });
  await auth.hooks.passwordChanged({ userId });
}
