import type { AuthContext } from '../../core/auth-context';
import type { ClientInfo } from '../../core/client-info';
import { findCredentialAccount, passwordHashOf } from '../../core/credential-account';
import { normaliseEmail } from '../../core/normalise-email';
import type { AnswerDraft, SignInOutcome } from '../../core/sign-in-pipeline';
import { AuthError } from '../../errors/auth-error';
import type { ResolvedEmailPasswordOptions } from './options';

export interface SignInInput {
  email: string;
  password: string;
  rememberMe?: boolean;
}

/** A session, or the answer a sign-in step gave instead (a second factor to ask for). */
export type SignInResult = Exclude<SignInOutcome, { kind: 'refused' }>;

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
  response?: AnswerDraft,
): Promise<SignInResult> {
  // Too long for any stored password: refuse before hashing, with the same answer as a wrong password.
  if (input.password.length > options.maxPasswordLength) throw new AuthError('INVALID_EMAIL_OR_PASSWORD');
  const user = await auth.db.getUserByEmail(normaliseEmail(input.email));
  const userId = user ? (auth.models.user.read(user, 'id') as string) : null;
  // By provider among the user's accounts, not by `accountId`: a credential migrated from elsewhere may carry
  // any account id, and it must still sign in.
  const hash = userId ? passwordHashOf(auth, await findCredentialAccount(auth, userId)) : null;

  if (!user || !userId || !hash) {
    await auth.hasher.hash(input.password); // the same cost as a real check
    throw new AuthError('INVALID_EMAIL_OR_PASSWORD');
  }
  if (!(await auth.hasher.verify(hash, input.password))) throw new AuthError('INVALID_EMAIL_OR_PASSWORD');
  // The steps run only after the password matched, so a refusal (EMAIL_NOT_VERIFIED, a ban) tells nothing to a guesser.
  const outcome = await auth.signIn.open(user, { via: 'email', client, rememberMe: input.rememberMe, response });
  if (outcome.kind === 'refused') throw outcome.error;
  return outcome;
}
