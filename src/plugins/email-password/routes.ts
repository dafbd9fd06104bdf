import { customInput } from '../../core/custom-input';
import { userJson } from '../../core/entity-json';
import { safeRedirectTarget } from '../../http/redirect-target';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { signInAnswer } from '../../http/sign-in-answer';
import { attachSession } from '../../http/session-response';
import { SignInResponse } from '../../http/response-dtos';
import { SignInEmailDto, SignUpEmailDto, SignUpResponse } from './dtos';
import type { EmailPasswordPlugin } from './email-password-plugin';

/** `POST /sign-up/email` → `{ token, user }`, with the session cookie when `autoSignIn` is on. */
export function signUpRoute(plugin: EmailPasswordPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/sign-up/email',
    summary: 'Create a user with an email and password',
    body: SignUpEmailDto,
    customInputOf: 'user',
    response: { body: SignUpResponse },
    errors: ['USER_ALREADY_EXISTS', 'INVALID_EMAIL', 'SIGN_UP_DISABLED', 'PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG', 'INVALID_CALLBACK_URL'],
    handle: async (ctx, dto) => {
      const custom = { ...(await customInput(ctx.auth.models.user, ctx.body, { standardValues: { name: dto.name, image: dto.image } })), ...(await ctx.auth.hooks.userInput(ctx.body, { via: 'sign-up' })) };
      // Checked before anything is created: it may end up in an emailed link (no open redirects).
      if (dto.callbackURL != null) safeRedirectTarget(ctx.auth, dto.callbackURL, 'INVALID_CALLBACK_URL');
      const result = await plugin.signUp({ ...dto, custom, response: ctx.response }, ctx.client);
      if (result.session && result.token) attachSession(ctx.auth, ctx.response, result.session, result.token, dto.rememberMe !== false);
      return { token: result.token, user: userJson(ctx.auth, result.user) };
    },
  });
}

/** `POST /sign-in/email` → `{ redirect, token, url, user }` with the session cookie. */
export function signInRoute(plugin: EmailPasswordPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/sign-in/email',
    summary: 'Sign in with an email and password',
    body: SignInEmailDto,
    response: { body: SignInResponse },
    errors: ['INVALID_EMAIL_OR_PASSWORD', 'EMAIL_NOT_VERIFIED', 'INVALID_CALLBACK_URL'],
    handle: async (ctx, dto) => {
      // The client navigates to `url`: it must stay on a trusted origin.
      if (dto.callbackURL != null) safeRedirectTarget(ctx.auth, dto.callbackURL, 'INVALID_CALLBACK_URL');
      return signInAnswer(ctx, await plugin.signIn(dto, ctx.client, ctx.response), dto.callbackURL);
    },
  });
}
