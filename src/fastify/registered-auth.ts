import type { SessionAndUser } from '../api/auth-api';
import type { Auth } from '../auth';

/**
 * Names the app's auth instance for the types of `request.auth`, the way Fastify types its decorators: by
 * declaration merging, once per app.
 * @example
 * declare module 'better-auth-entities/fastify' {
 *   interface RegisteredAuth { auth: typeof auth }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the app's declaration merging
export interface RegisteredAuth {}

/** The session pair of the registered instance (its own user and session classes), or of plain objects before one is registered. */
export type RegisteredSession = RegisteredAuth extends { auth: Auth<infer U, infer S, infer _A> } ? SessionAndUser<U, S> : SessionAndUser<object, object>;

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The session `requireSession` found (always set after it), or `null` after `optionalSession` without one;
     * `null` on routes with neither.
     */
    auth: RegisteredSession | null;
  }
}
