import type { PathMatcher } from '../core/path-matcher';
import type { AuthError } from '../errors/auth-error';
import type { RouteContext, RouteDefinition } from './route';

/** What a request hook sees: the route's own context, plus which route it is and a per-request scratch space. */
export interface RequestHookContext extends RouteContext {
  /** The route path below the base path, as declared (`/sign-in/email`, `/reset-password/:token`). */
  readonly path: string;
  readonly route: RouteDefinition;
  /** Values a plugin's `before` hook leaves for its `after` hook in the same request (key them by plugin id). */
  readonly locals: Map<string, unknown>;
}

/** An answer a `before` hook gives instead of the route's (for errors, throw an `AuthError` instead). */
export interface HookAnswer {
  status: number;
  body: unknown;
  headers?: Array<[string, string]>;
}

/**
 * Runs before the route's handler (after the origin check and body parsing, before validation), for every
 * route whose path the matcher names. Return nothing to go on, a `HookAnswer` to answer early, or throw an
 * `AuthError` (429 `TOO_MANY_REQUESTS`, say) to answer with it.
 * @example
 * { matcher: '/sign-in/*', handle: async (ctx) => { if (await tooMany(ctx.client.ipAddress)) throw new AuthError('TOO_MANY_REQUESTS'); } }
 */
export interface BeforeRequestHook {
  readonly matcher: PathMatcher;
  handle(context: RequestHookContext): void | HookAnswer | Promise<void | HookAnswer>;
}

/** How the route answered, as an `after` hook sees it. */
export interface RequestOutcome {
  readonly status: number;
  /** The JSON value of a 2xx answer (`null` for redirects); the error body otherwise. */
  readonly body: unknown;
  /** The error the route ended with, when it did not succeed. */
  readonly error?: AuthError | unknown;
}

/**
 * Runs after the route answered, whatever the outcome, for every route whose path the matcher names. It may
 * add headers or cookies (`ctx.response.headers.push(['set-cookie', …])`). It cannot undo what the route did,
 * so an error it throws is logged and the answer goes out unchanged: work that must be able to stop a flow
 * belongs in a `before` hook or a sign-in step.
 */
export interface AfterRequestHook {
  readonly matcher: PathMatcher;
  handle(context: RequestHookContext, outcome: RequestOutcome): void | Promise<void>;
}

/** The request hooks of a plugin. */
export interface RequestHooks {
  readonly before?: readonly BeforeRequestHook[];
  readonly after?: readonly AfterRequestHook[];
}
