import type { AuthContext } from '../../core/auth-context';
import type { ClientInfo } from '../../core/client-info';
import { normaliseEmail } from '../../core/normalise-email';
import { AuthError } from '../../errors/auth-error';
import type { ResolvedEmailPasswordOptions } from './options';
import { CREDENTIAL_PROVIDER } from './sign-up';

export interface SignInInput {
  email: string;
  password: string;
  rememberMe?: boolean;
}

export interface SignInResult {
  user: object;
  session: object;
  token: string;
}

/**
 * Checks an email and password and opens a session. An unknown email, a user without a password and a wrong
 * password all cost one password hash and give the same `INVALID_EMAIL_OR_PASSWORD`, so neither the answer nor
 * its timing tells whether an account exists.
 */
export async function signInWithEmail(
  auth: AuthContext,
  options: ResolvedEmailPasswordOptions,
  input: SignInInput,
  client: ClientInfo,
): Promise<SignInResult> {
  // Too long for any stored password: refuse before hashing, with the same answer as a wrong password.
  if (input.password.length > options.maxPasswordLength) throw new AuthError('INVALID_EMAIL_OR_PASSWORD');
  const user = await auth.db.getUserByEmail(normaliseEmail(input.email));
  const userId = user ? auth.models.user.read(user, 'id') : null;
  const account = userId ? await auth.db.getAccountByProvider(CREDENTIAL_PROVIDER, userId) : null;
  const hash = account ? auth.models.account.read(account, 'password') : null;

  if (!user || !userId || !hash) {
    await auth.hasher.hash(input.password); // the same cost as a real check
    throw new AuthError('INVALID_EMAIL_OR_PASSWORD');
  }
  if (!(await auth.hasher.verify(hash, input.password))) throw new AuthError('INVALID_EMAIL_OR_PASSWORD');
  // Asked only after the password matched, so a refusal (EMAIL_NOT_VERIFIED) tells nothing to a guesser.
  const refusal = await auth.hooks.sessionRefusal(user, 'sign-in');
  if (refusal) throw refusal;
  const { session, token } = await auth.sessions.create(userId, client, { rememberMe: input.rememberMe });
  return { user, session, token };
}
