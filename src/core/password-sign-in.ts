import type { AuthError } from '../errors/auth-error';
import type { ClientInfo } from './client-info';
import type { AuthContext } from './auth-context';
import { findCredentialAccount, passwordHashOf } from './credential-account';
import type { AnswerDraft, SignInMethod, SignInSuccess } from './sign-in-pipeline';
import { recordSignInFailure } from './sign-in-metrics';

/** How one way of signing in with a password (by email, by username) calls the shared check. */
export interface PasswordSignIn {
  via: SignInMethod;
  password: string;
  maxPasswordLength: number;
  /** The one answer for an unknown user, a user without a password and a wrong password. */
  invalid: () => AuthError;
  client: ClientInfo;
  rememberMe?: boolean;
  response?: AnswerDraft;
}

/**
 * Checks a user's password and opens a session through the sign-in pipeline. An unknown user, a user without a
 * password and a wrong password all cost one password hash and give the same error, so neither the answer
 * nor its timing tells whether an account exists. The credential is found by provider, whatever its accountId.
 */
export async function signInWithPassword(
  auth: AuthContext,
  findUser: () => Promise<object | null>,
  attempt: PasswordSignIn,
): Promise<SignInSuccess> {
  // Too long for any stored password: refuse before any lookup or hashing, with the same answer as a wrong password.
  if (attempt.password.length > attempt.maxPasswordLength) throw invalid(attempt);
  auth.refuseWhenHashingFull();
  const user = await findUser();
  const userId = user ? auth.models.user.read(user, 'id') : null;
  const hash = userId ? passwordHashOf(auth, await findCredentialAccount(auth, userId)) : null;
  if (!user || !hash) {
    await auth.hasher.hash(attempt.password); // the same cost as a real check
    throw invalid(attempt);
  }
  if (!(await auth.hasher.verify(hash, attempt.password))) throw invalid(attempt);
  // The steps run only after the password matched, so a refusal (EMAIL_NOT_VERIFIED, a ban) tells nothing to a guesser.
  const outcome = await auth.signIn.open(user, { via: attempt.via, client: attempt.client, rememberMe: attempt.rememberMe, response: attempt.response });
  if (outcome.kind === 'refused') throw outcome.error;
  return outcome;
}

/** The one refusal, counted as a failed sign-in attempt of its method. */
function invalid(attempt: PasswordSignIn): AuthError {
  const error = attempt.invalid();
  recordSignInFailure(attempt.via, error.code);
  return error;
}
