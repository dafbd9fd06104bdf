import { telemetry } from '../../observability/telemetry';
import type { AuthContext } from '../../core/auth-context';
import { userJson } from '../../core/entity-json';
import { AuthError } from '../../errors/auth-error';
import type { DeclaredError } from '../../errors/declared-error';
import type { RouteContext } from '../../http/route';
import { attachSession } from '../../http/session-response';
import { beginAttempt } from './challenge';
import { clearCookie } from './cookies';
import { clearFailures, takeAttempt } from './lockout';
import type { ResolvedTwoFactorOptions } from './options';
import { trustDevice } from './trusted-devices';
import type { Verifier } from './verifier';

/** What a factor's check says about the code it was given. */
export type CodeCheck = 'right' | 'wrong';

/**
 * One verification of a pending sign-in, whatever the factor: one attempt of the challenge, then one of the
 * account (counted before the check: 429 once spent), then the check; a right code clears the account's count
 * and opens the session (or, with `openSession: false`, only answers the user). `check` may throw (an expired
 * OTP): the challenge's attempt is then given back.
 */
export async function verifyPendingSignIn(
  ctx: RouteContext,
  options: ResolvedTwoFactorOptions,
  verifier: Extract<Verifier, { kind: 'sign-in' }>,
  check: () => Promise<CodeCheck>,
  wrong: DeclaredError,
  trust: boolean | undefined,
  openSession = true,
): Promise<unknown> {
  const { auth } = ctx;
  const attempt = await beginAttempt(auth, verifier.token, options.allowedAttempts);
  let outcome: CodeCheck;
  try {
    await takeAttempt(auth, options, verifier.userId);
    outcome = await check();
  } catch (error) {
    await attempt.restore();
    throw error;
  }
  if (outcome === 'wrong') {
    await attempt.failed();
    telemetry.metrics()?.twoFactorFailures.add(1, { 'auth.error.code': wrong.code });
    throw new AuthError(wrong);
  }
  await clearFailures(auth, options, verifier.userId);
  // better-auth's `disableSession`: the code is spent and the user answered, but no session is opened.
  if (!openSession) return { token: null, user: userJson(auth, verifier.user) };
  return completeSignIn(ctx, options, verifier.user, attempt.rememberMe, trust === true);
}

/**
 * A code checked by a signed-in user (the first code after enable, a backup code spent while signed in):
 * counted against the same per-account bound as at sign-in, so a stolen session cannot guess without limit.
 */
export async function checkSignedIn(auth: AuthContext, options: ResolvedTwoFactorOptions, userId: string, check: () => Promise<CodeCheck>): Promise<CodeCheck> {
  await takeAttempt(auth, options, userId);
  const outcome = await check();
  if (outcome === 'right') await clearFailures(auth, options, userId);
  return outcome;
}

/**
 * Opens the session a pending sign-in was waiting for, through the sign-in pipeline (bans and other steps
 * apply; this plugin's own step lets `two-factor` through), with the sign-in's `rememberMe`. The challenge
 * cookie goes; with `trustDevice`, a trust cookie comes. Answers `{ token, user }`.
 */
export async function completeSignIn(ctx: RouteContext, options: ResolvedTwoFactorOptions, user: object, rememberMe: boolean, trust: boolean): Promise<unknown> {
  const { auth } = ctx;
  ctx.response.headers.push(['set-cookie', clearCookie(auth, 'two_factor')]);
  const outcome = await auth.signIn.open(user, { via: 'two-factor', client: ctx.client, rememberMe, response: ctx.response });
  if (outcome.kind === 'refused') throw outcome.error;
  if (outcome.kind === 'answer') return outcome.body;
  attachSession(auth, ctx.response, outcome.session, outcome.token, outcome.rememberMe);
  if (trust) ctx.response.headers.push(['set-cookie', await trustDevice(auth, userIdOf(auth, user), options.trustDeviceMaxAgeSeconds)]);
  return { token: outcome.token, user: userJson(auth, outcome.user) };
}

/** The answer of a verification by a signed-in user: their session's token and the user as it is now. */
export async function sessionAnswer(auth: AuthContext, verifier: Extract<Verifier, { kind: 'session' }>): Promise<unknown> {
  const user = (await auth.db.getUserById(verifier.userId)) ?? verifier.user;
  return { token: verifier.active.token, user: userJson(auth, user) };
}

function userIdOf(auth: AuthContext, user: object): string {
  return auth.models.user.read(user, 'id');
}
