import { userJson } from '../../core/entity-json';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteContext, type RouteDefinition } from '../../http/route';
import { attachSession } from '../../http/session-response';
import { isAnonymousUser } from './anonymous-user';
import { AnonymousSignInResponse } from './dtos';
import { ANONYMOUS_ERRORS } from './error-codes';
import type { ResolvedAnonymousOptions } from './options';
import { placeholderEmail } from './placeholder-email';

/** Thrown inside the transaction so a refused sign-in leaves no user behind; carries the refusal out. */
class RefusedSignIn extends Error {
  constructor(readonly refusal: AuthError) {
    super(refusal.message);
  }
}

/**
 * `POST /sign-in/anonymous` → `{ token, user }` with the session cookie: a new user named `Anonymous` (or
 * `generateName`'s), with a placeholder address and `isAnonymous: true`. A caller already holding an anonymous
 * session gets 400 `ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY` (one browser, one anonymous user).
 *
 * The user and its session are written in one transaction and the session goes through the sign-in pipeline
 * like every other: a step that refuses (email verification required: a placeholder is never verified) or
 * asks for more leaves no user behind and answers with its error.
 */
export function signInAnonymousRoute(options: ResolvedAnonymousOptions<object, object>): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/sign-in/anonymous',
    summary: 'Sign in as a new anonymous user',
    session: 'optional',
    response: { body: AnonymousSignInResponse },
    errors: [ANONYMOUS_ERRORS.ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY, ANONYMOUS_ERRORS.INVALID_EMAIL_FORMAT, ANONYMOUS_ERRORS.COULD_NOT_CREATE_SESSION],
    handle: async (ctx) => signInAnonymously(ctx, options),
  });
}

async function signInAnonymously(ctx: RouteContext, options: ResolvedAnonymousOptions<object, object>): Promise<unknown> {
  const auth = ctx.auth;
  const current = await ctx.session();
  if (current && isAnonymousUser(auth, current.user)) throw new AuthError(ANONYMOUS_ERRORS.ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY);
  const email = await placeholderEmail(options);
  const name = (await options.generateName?.(ctx)) || 'Anonymous';
  let opened;
  try {
    opened = await auth.db.transaction(async (tx) => {
      const user = await tx.createUser({ email, name, emailVerified: false, isAnonymous: true });
      const outcome = await auth.signIn.open(user, { via: 'anonymous', client: ctx.client, response: ctx.response, db: tx });
      if (outcome.kind === 'refused') throw new RefusedSignIn(outcome.error);
      if (outcome.kind === 'answer') throw new RefusedSignIn(new AuthError(ANONYMOUS_ERRORS.COULD_NOT_CREATE_SESSION));
      return outcome;
    });
  } catch (error) {
    if (error instanceof RefusedSignIn) throw error.refusal;
    throw error;
  }
  await auth.hooks.signedUp({ user: opened.user, via: 'anonymous' });
  attachSession(auth, ctx.response, opened.session, opened.token, opened.rememberMe);
  return { token: opened.token, user: userJson(auth, opened.user) };
}
