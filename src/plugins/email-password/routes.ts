import { customInput } from '../../core/custom-input';
import { userJson } from '../../core/entity-json';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { attachSession } from '../../http/session-response';
import { SignInEmailDto, SignUpEmailDto } from './dtos';
import type { EmailPasswordPlugin } from './email-password-plugin';

/** `POST /sign-up/email` → `{ token, user }`, with the session cookie when `autoSignIn` is on. */
export function signUpRoute(plugin: EmailPasswordPlugin): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/sign-up/email',
    summary: 'Create a user with an email and password',
    body: SignUpEmailDto,
    handle: async (ctx, dto) => {
      const custom = customInput(ctx.auth.models.user, ctx.body);
      const result = await plugin.signUp({ ...dto, custom }, ctx.client);
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
    handle: async (ctx, dto) => {
      const result = await plugin.signIn(dto, ctx.client);
      attachSession(ctx.auth, ctx.response, result.session, result.token, dto.rememberMe !== false);
      return {
        redirect: Boolean(dto.callbackURL),
        token: result.token,
        url: dto.callbackURL ?? null,
        user: userJson(ctx.auth, result.user),
      };
    },
  });
}
