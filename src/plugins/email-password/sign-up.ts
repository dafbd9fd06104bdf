import { UniqueConstraintError } from '../../../adapters/errors';
import type { AuthContext } from '../../core/auth-context';
import type { ClientInfo } from '../../core/client-info';
import type { AnswerDraft } from '../../core/sign-in-pipeline';
import { CREDENTIAL_PROVIDER } from '../../core/credential-account';
import { normaliseEmail } from '../../core/normalise-email';
import { assertPasswordLength } from '../../core/password-policy';
import { AuthError } from '../../errors/auth-error';
import type { ResolvedEmailPasswordOptions } from './options';

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
  image?: string | null;
  rememberMe?: boolean;
  /** Where the client wants to land after following an emailed link; already checked against the trusted origins. */
  callbackURL?: string;
  /** Custom user fields, already filtered to those a request may set. */
  custom?: Record<string, unknown>;
  /** The answer being built, when the sign-up came over HTTP: the sign-in steps and session-switch listeners read its request. */
  response?: AnswerDraft;
}

export interface SignUpResult {
  user: object;
  /** `null` when `autoSignIn` is off. */
  session: object | null;
  token: string | null;
}

/**
 * Creates a user with its credential account in one transaction (both or neither), then opens a session
 * when `autoSignIn` is on. Two concurrent sign-ups with one email end with one user: the loser's insert
 * breaks the unique email and answers `USER_ALREADY_EXISTS`.
 */
export async function signUpWithEmail(
  auth: AuthContext,
  options: ResolvedEmailPasswordOptions,
  input: SignUpInput,
  client: ClientInfo,
): Promise<SignUpResult> {
  if (!options.enableSignup) throw new AuthError('SIGN_UP_DISABLED');
  assertPasswordLength(input.password, options.minPasswordLength, options.maxPasswordLength);
  const email = normaliseEmail(input.email);
  // A reserved placeholder (an anonymous user's) is nobody's mailbox: no account may be made on it.
  if (await auth.hooks.isReservedAddress(email)) throw new AuthError('INVALID_EMAIL');
  if (await auth.db.getUserByEmail(email)) throw new AuthError('USER_ALREADY_EXISTS');
  const passwordHash = await auth.hasher.hash(input.password);

  let user: object;
  try {
    user = await auth.db.transaction(async (tx) => {
      const created = await tx.createUser({ ...input.custom, email, name: input.name, image: input.image ?? null, emailVerified: false });
      const userId = auth.models.user.read(created, 'id');
      await tx.createAccount({ userId, providerId: CREDENTIAL_PROVIDER, accountId: userId, password: passwordHash });
      return created;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError && error.kind === 'user') throw new AuthError('USER_ALREADY_EXISTS');
    throw error;
  }
  await auth.hooks.signedUp({ user, callbackURL: input.callbackURL ?? undefined, via: 'email' });
  if (!options.autoSignIn) return { user, session: null, token: null };
  // A refusing step (email verification required, say) keeps the new user without a session, as better-auth does.
  const outcome = await auth.signIn.open(user, { via: 'sign-up', client, rememberMe: input.rememberMe, response: input.response });
  if (outcome.kind !== 'session') return { user, session: null, token: null };
  return { user, session: outcome.session, token: outcome.token };
}
