import { userJson } from '../core/entity-json';
import type { SignInSuccess } from '../core/sign-in-pipeline';
import type { RouteContext } from './route';
import { attachSession } from './session-response';

/**
 * The answer of every sign-in route (`/sign-in/email`, `/sign-in/username`, …), in better-auth's shape
 * `{ redirect, token, url, user }` with the session cookie; or, when a sign-in step answered instead of opening
 * a session (two-factor's `{ twoFactorRedirect: true }`), that answer as is.
 */
export function signInAnswer(ctx: RouteContext, result: SignInSuccess, callbackURL?: string | null): unknown {
  if (result.kind === 'answer') return result.body;
  attachSession(ctx.auth, ctx.response, result.session, result.token, result.rememberMe);
  return { redirect: Boolean(callbackURL), token: result.token, url: callbackURL ?? null, user: userJson(ctx.auth, result.user) };
}
