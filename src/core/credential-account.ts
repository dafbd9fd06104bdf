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
 * Checks a user's password: `no-credential` when the user has none to check against. Passwords longer than
 * `maxLength` are `wrong` without being hashed (no stored password is that long).
 */
export async function checkPassword(
  auth: AuthContext,
  userId: string,
  password: string,
  maxLength: number,
): Promise<'ok' | 'wrong' | 'no-credential'> {
  const hash = passwordHashOf(auth, await findCredentialAccount(auth, userId));
  if (!hash) return 'no-credential';
  if (password.length > maxLength) return 'wrong';
  return (await auth.hasher.verify(hash, password)) ? 'ok' : 'wrong';
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
