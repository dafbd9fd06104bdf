import type { AuthContext } from '../../core/auth-context';
import type { ClientInfo } from '../../core/client-info';
import { normaliseEmail } from '../../core/normalise-email';
import { signInWithPassword } from '../../core/password-sign-in';
import type { AnswerDraft, SignInSuccess } from '../../core/sign-in-pipeline';
import { AuthError } from '../../errors/auth-error';
import type { ResolvedEmailPasswordOptions } from './options';

export interface SignInInput {
  email: string;
  password: string;
  rememberMe?: boolean;
}

/** A session, or the answer a sign-in step gave instead (a second factor to ask for). */
export type SignInResult = SignInSuccess;

/** Checks an email and password and opens a session; every failure is `INVALID_EMAIL_OR_PASSWORD` at the same cost. */
export async function signInWithEmail(
  auth: AuthContext,
  options: ResolvedEmailPasswordOptions,
  input: SignInInput,
  client: ClientInfo,
  response?: AnswerDraft,
): Promise<SignInResult> {
  return signInWithPassword(auth, () => auth.db.getUserByEmail(normaliseEmail(input.email)), {
    via: 'email',
    password: input.password,
    maxPasswordLength: options.maxPasswordLength,
    invalid: () => new AuthError('INVALID_EMAIL_OR_PASSWORD'),
    client,
    rememberMe: input.rememberMe,
    response,
  });
}
