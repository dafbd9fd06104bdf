import { HttpException, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError } from '../errors/auth-error';
import { appRouteSession } from '../http/app-route-session';
import { AUTH, AUTH_MODULE_OPTIONS, OPTIONAL_AUTH, PUBLIC_ROUTE, REQUIRED_ORG_ROLES, REQUIRED_ROLES } from './tokens';
import type { AnyAuth, AuthModuleBehaviour } from './options';
import { appendSetCookie, authRequestOf } from './platform-request';
import { activeOrganizationRole } from './active-organization-role';
import { holdsAny, roleList, userRoles } from './role-checks';

/**
 * Lets a request reach a route only with a live session (401 `UNAUTHORIZED` otherwise), unless the route is
 * `@Public()` or `@OptionalAuth()`, and checks `@Roles` / `@OrgRoles` (403 `FORBIDDEN`). The session goes on
 * `request.auth`, where `@CurrentSession()` and `@CurrentUser()` read it. `AuthModule` registers it globally.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AUTH) private readonly auth: AnyAuth,
    @Inject(AUTH_MODULE_OPTIONS) private readonly options: AuthModuleBehaviour,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // websockets and microservices bring their own auth
    const marked = <T>(key: string) => this.reflector.getAllAndOverride<T | undefined>(key, [context.getHandler(), context.getClass()]);
    if (marked<boolean>(PUBLIC_ROUTE)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<{ auth?: unknown }>();
    try {
      const resolved = await appRouteSession(this.auth, authRequestOf(request), this.options.checkOrigin ?? true);
      if (resolved?.refreshedCookie) appendSetCookie(http.getResponse<object>(), resolved.refreshedCookie);
      request.auth = resolved ? { user: resolved.user, session: resolved.session } : null;
      if (!resolved) {
        if (marked<boolean>(OPTIONAL_AUTH)) return true;
        throw new AuthError('UNAUTHORIZED');
      }
      const roles = marked<string[]>(REQUIRED_ROLES);
      if (roles && !holdsAny(userRoles(this.auth.context, resolved.user), roles)) throw new AuthError('FORBIDDEN');
      const orgRoles = marked<string[]>(REQUIRED_ORG_ROLES);
      if (orgRoles && !holdsAny(await this.memberRoles(resolved.user, resolved.session), orgRoles)) throw new AuthError('FORBIDDEN');
      return true;
    } catch (error) {
      // Nest answers an HttpException with its body as is: the same `{ code, message }` the auth routes send.
      if (error instanceof AuthError) throw new HttpException(error.toBody(), error.status);
      throw error;
    }
  }

  private async memberRoles(user: object, session: object): Promise<string[]> {
    const lookup = this.options.memberRole ?? activeOrganizationRole;
    return roleList(await lookup({ auth: this.auth, user, session }));
  }
}
