import { AuthError } from '../../errors/auth-error';
import { safeRedirectTarget } from '../../http/redirect-target';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { signInAnswer } from '../../http/sign-in-answer';
import { SignInResponse } from '../../http/response-dtos';
import { IsUsernameAvailableDto, SignInUsernameDto, UsernameAvailableResponse } from './dtos';
import { USERNAME_ERRORS } from './error-codes';
import type { UsernamePlugin } from './username-plugin';
import { normaliseUsername, usernameProblem } from './username-rules';

/** `POST /sign-in/username` → `{ redirect, token, url, user }` with the session cookie, as sign-in by email. */
export function signInUsernameRoute(plugin: UsernamePlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/sign-in/username',
    summary: 'Sign in with a username and password',
    body: SignInUsernameDto,
    response: { body: SignInResponse },
    errors: [USERNAME_ERRORS.INVALID_USERNAME_OR_PASSWORD, 'EMAIL_NOT_VERIFIED', 'INVALID_CALLBACK_URL'],
    handle: async (ctx, dto) => {
      if (dto.callbackURL != null) safeRedirectTarget(ctx.auth, dto.callbackURL, 'INVALID_CALLBACK_URL');
      return signInAnswer(ctx, await plugin.signIn(dto, ctx.client, ctx.response), dto.callbackURL);
    },
  });
}

/** `POST /is-username-available` `{ username }` → `{ available }`; a malformed name is refused with the rule it breaks. */
export function isUsernameAvailableRoute(plugin: UsernamePlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/is-username-available',
    summary: 'Whether a username is well-formed and free',
    body: IsUsernameAvailableDto,
    response: { body: UsernameAvailableResponse },
    errors: [USERNAME_ERRORS.USERNAME_TOO_SHORT, USERNAME_ERRORS.USERNAME_TOO_LONG, USERNAME_ERRORS.INVALID_USERNAME],
    handle: async (ctx, dto) => {
      const problem = await usernameProblem(plugin.options, dto.username);
      if (problem) throw new AuthError(problem);
      return { available: (await ctx.auth.db.findUserBy('username', normaliseUsername(dto.username))) === null };
    },
  });
}
