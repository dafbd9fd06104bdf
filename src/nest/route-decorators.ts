import { SetMetadata } from '@nestjs/common';
import { OPTIONAL_AUTH, PUBLIC_ROUTE, REQUIRED_ORG_ROLES, REQUIRED_ROLES } from './tokens';

/** Opens a route (or a whole controller) to everyone: the guard looks no session up. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Lets a route through without a session; `@CurrentSession()` / `@CurrentUser()` are then `null`. */
export const OptionalAuth = (): MethodDecorator & ClassDecorator => SetMetadata(OPTIONAL_AUTH, true);

/**
 * Needs one of these user roles (the admin plugin's `user.role`, stored comma-separated): 403 `FORBIDDEN`
 * otherwise. On a controller and a method, the method's list wins.
 * @example
 * @Roles('admin') @Get('stats') stats() { … }
 */
export const Roles = (...roles: string[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/**
 * Needs one of these roles in the caller's active organization (403 `FORBIDDEN` otherwise), read from the
 * organization plugin's members, or through `AuthModule`'s `memberRole` option (see `MemberRoleLookup`).
 * @example
 * @OrgRoles('owner', 'admin') @Delete('project/:id') remove() { … }
 */
export const OrgRoles = (...roles: string[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ORG_ROLES, roles);
