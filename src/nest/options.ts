import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { SessionAndUser } from '../api/auth-api';
import type { Auth } from '../auth';

/** Any built auth instance, whatever its entity classes and plugins. */
export type AnyAuth = Auth<object, object, object>;

/** The signed-in caller as `@OrgRoles` asks about them. */
export interface OrgRoleQuery {
  readonly auth: AnyAuth;
  readonly user: object;
  readonly session: object;
}

/**
 * The seam `@OrgRoles` checks through: the caller's role(s) in their active organization, or `null` when they
 * have none (no active organization, not a member). By default the organization plugin's member table answers;
 * pass your own to keep memberships elsewhere, e.g. `({ session }) => members.roleOf(session.activeOrganizationId, session.userId)`.
 */
export type MemberRoleLookup = (query: OrgRoleQuery) => Promise<string | readonly string[] | null>;

/** What `AuthModule.forRoot` takes besides the instance (and what `forRootAsync` takes besides its factory). */
export interface AuthModuleBehaviour {
  /**
   * Register `AuthGuard` as a global guard (default true): every route needs a session unless it is
   * `@Public()` or `@OptionalAuth()`. Turn off to apply `@UseGuards(AuthGuard)` per controller instead.
   */
  globalGuard?: boolean;
  /** Refuse cookie-authenticated writes from untrusted origins on the app's routes, as the auth routes do (default true). */
  checkOrigin?: boolean;
  /** How `@OrgRoles(...)` learns the caller's member role (default: the organization plugin's member of the active organization). */
  memberRole?: MemberRoleLookup;
}

/** `AuthModule.forRoot({ auth })`. */
export interface AuthModuleOptions<A extends AnyAuth = AnyAuth> extends AuthModuleBehaviour {
  auth: A;
}

/** `AuthModule.forRootAsync`: a factory with injected providers (config, the app's TypeORM `DataSource`, …). */
export interface AuthModuleAsyncOptions<A extends AnyAuth = AnyAuth> extends AuthModuleBehaviour {
  /** Modules whose providers the factory injects (e.g. `ConfigModule`); TypeORM's `DataSource` is global already. */
  imports?: ModuleMetadata['imports'];
  /** The tokens whose providers the factory receives, in order (e.g. `[DataSource, ConfigService]`). */
  inject?: FactoryProvider['inject'];
  /** Builds the instance from the injected providers; its parameters are typed by the app. */
  useFactory: (...injected: never[]) => A | Promise<A>;
}

/** What the guard puts on the request: the session pair on protected routes, `null` on optional ones without one. */
export type RequestSession<A extends AnyAuth> = A extends Auth<infer U, infer S, infer _P> ? SessionAndUser<U, S> : never;
