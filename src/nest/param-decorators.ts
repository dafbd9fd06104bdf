import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SessionAndUser } from '../api/auth-api';

/** The request as the guard left it: `auth` holds the session pair, or `null` on an optional route without one. */
interface GuardedRequest {
  auth?: SessionAndUser<object, object> | null;
}

const sessionOf = (context: ExecutionContext) => context.switchToHttp().getRequest<GuardedRequest>().auth ?? null;

/**
 * The `{ user, session }` pair `AuthGuard` found, as the app's own classes; `null` on an `@OptionalAuth()`
 * route without a session. Type the parameter with your classes: `SessionAndUser<AppUser, AppSession>`.
 * @example
 * @Get('me') me(@CurrentSession() current: SessionAndUser<AppUser, AppSession>) { return current.session.deviceLabel; }
 */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext) => sessionOf(context));

/**
 * The signed-in user, an instance of the app's user class with its custom fields; `null` on an
 * `@OptionalAuth()` route without a session.
 * @example
 * @Get('plan') plan(@CurrentUser() user: AppUser) { return { plan: user.plan }; }
 */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => sessionOf(context)?.user ?? null);
