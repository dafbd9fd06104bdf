import { matchesPath } from '../core/path-matcher';
import type { Logger } from '../core/logger';
import type { AuthResponse } from '../wire/auth-request';
import { jsonResponse } from './json-response';
import type { AfterRequestHook, BeforeRequestHook, RequestHookContext, RequestHooks } from './request-hooks';
import type { RouteDefinition } from './route';

/** The hooks that apply to one route, in the order their plugins were added. */
export interface HooksOfRoute {
  readonly before: readonly BeforeRequestHook[];
  readonly after: readonly AfterRequestHook[];
}

/**
 * The plugins' request hooks, sorted onto routes once when the handler is built, so a request only asks a Map
 * whether its route has any (and a route no hook names pays nothing else).
 */
export class RouteHooks {
  private readonly byRoute = new Map<RouteDefinition, HooksOfRoute>();

  constructor(
    routes: readonly RouteDefinition[],
    hooks: readonly RequestHooks[],
    private readonly logger: Logger,
  ) {
    const before = hooks.flatMap((set) => set.before ?? []);
    const after = hooks.flatMap((set) => set.after ?? []);
    if (before.length === 0 && after.length === 0) return;
    for (const route of routes) {
      const applying = {
        before: before.filter((hook) => matchesPath(hook.matcher, route.path)),
        after: after.filter((hook) => matchesPath(hook.matcher, route.path)),
      };
      if (applying.before.length > 0 || applying.after.length > 0) this.byRoute.set(route, applying);
    }
  }

  /** The hooks of a route, or `undefined` when none applies. */
  of(route: RouteDefinition): HooksOfRoute | undefined {
    return this.byRoute.size === 0 ? undefined : this.byRoute.get(route);
  }

  /**
   * Runs the `before` hooks, then the route (unless a hook answered), then the `after` hooks with the outcome.
   * `run` answers for the route; `fail` turns an error into the answer the client gets.
   */
  async around(
    context: RequestHookContext,
    hooks: HooksOfRoute,
    run: () => Promise<AuthResponse>,
    fail: (error: unknown) => AuthResponse,
  ): Promise<AuthResponse> {
    let response: AuthResponse;
    let error: unknown;
    try {
      response = (await this.before(context, hooks.before)) ?? (await run());
    } catch (thrown) {
      error = thrown;
      response = fail(thrown);
    }
    if (hooks.after.length === 0) return response;
    const added = context.response.headers.length;
    const outcome = { status: response.status, body: response.body === null ? null : JSON.parse(response.body), error };
    for (const hook of hooks.after) {
      try {
        await hook.handle(context, outcome);
      } catch (hookError) {
        // The route's work is done and cannot be undone: the client still gets its answer.
        this.logger.error(`an after hook on ${context.path} failed`, hookError instanceof Error ? hookError.stack ?? hookError.message : String(hookError));
      }
    }
    response.headers.push(...context.response.headers.slice(added));
    return response;
  }

  private async before(context: RequestHookContext, hooks: readonly BeforeRequestHook[]): Promise<AuthResponse | undefined> {
    for (const hook of hooks) {
      const early = await hook.handle(context);
      if (early) return jsonResponse(early.status, early.body, [...context.response.headers, ...(early.headers ?? [])]);
    }
    return undefined;
  }
}
