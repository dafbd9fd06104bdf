import type { AuthContext } from '../core/auth-context';
import { HookedDatabaseAdapter } from '../core/hooked-database-adapter';
import { AuthError } from '../errors/auth-error';
import type { AuthRequest, AuthResponse } from '../wire/auth-request';
import { errorResponse } from './error-response';
import { readFormOrJsonBody } from './form-body';
import { readJsonBody } from './json-body';
import { jsonResponse } from './json-response';
import { runInRequestScope, type RequestScope } from '../core/request-scope';
import { corsPreflight, withCors } from './cors';
import { assertTrustedOrigin } from './origin-check';
import { readQuery } from './query';
import { Redirect, redirectResponse } from './redirect';
import { RequestContext } from './request-context';
import type { RouteDefinition } from './route';
import { Router } from './router';
import { RouteHooks } from './route-hooks';
import type { RequestHooks } from './request-hooks';
import { validateDto } from './validate-dto';
import { serveObserved, startObserving, type RequestObservation } from './request-telemetry';

const EMPTY_BODY: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Serves the route table: strips the base path, finds the route, checks the origin, parses and validates the
 * body, runs the handler and turns whatever it returned or threw into an answer.
 */
export class AuthHandler {
  private readonly router: Router;
  private readonly hooks: RouteHooks;

  constructor(
    private readonly auth: AuthContext,
    routes: readonly RouteDefinition[],
    hooks: readonly RequestHooks[] = [],
  ) {
    this.router = new Router(routes);
    this.hooks = new RouteHooks(routes, hooks, auth.config.logger);
  }

  get routes(): RouteDefinition[] {
    return this.router.all();
  }

  async handle(request: AuthRequest): Promise<AuthResponse> {
    const preflight = corsPreflight(request, this.auth.config);
    if (preflight) return preflight;
    // Traced or measured only when an OpenTelemetry SDK is registered (see request-telemetry.ts).
    const observed = startObserving(request);
    const response = observed ? await serveObserved(request, observed, (observation) => this.dispatch(request, observation)) : await this.dispatch(request, undefined);
    return withCors(request, this.auth.config, response, this.auth.exposedHeaders);
  }

  private dispatch(request: AuthRequest, observation: RequestObservation | undefined): Promise<AuthResponse> {
    // Database hooks and the app's own logger read the request from an AsyncLocalStorage scope (see
    // request-scope.ts); without them nothing reads it, so the hot path does not enter one.
    if (!(this.auth.db instanceof HookedDatabaseAdapter) && !this.auth.config.customLogger) return this.serve(request, undefined, observation);
    const scope: RequestScope = { request };
    if (observation?.span) scope.trace = observation.span.spanContext();
    return runInRequestScope(scope, () => this.serve(request, scope, observation));
  }

  private async serve(request: AuthRequest, scope: RequestScope | undefined, observation: RequestObservation | undefined): Promise<AuthResponse> {
    let context: RequestContext | undefined;
    try {
      const path = this.routePath(request.path);
      const match = path === null ? undefined : this.router.find(request.method, path);
      if (!match) return this.notFound(path);
      const { route } = match;
      if (observation) observation.route = this.auth.config.basePath + route.path;
      if (!route.crossSiteForm) assertTrustedOrigin(request, this.auth);
      const body = route.method === 'GET' ? (EMPTY_BODY as Record<string, unknown>) : await this.readBody(route, request);
      context = new RequestContext(request, this.auth, body, match.params, route);
      if (scope) scope.context = context;
      // Looked up once per route when the handler was built: a route no hook names pays nothing here.
      const hooks = this.hooks.of(route);
      if (!hooks) return await this.answer(context, route, request);
      const hooked = context;
      return await this.hooks.around(hooked, hooks, () => this.answer(hooked, route, request), (error) => this.failure(error, hooked, scope ?? { request, trace: observation?.span?.spanContext() }));
    } catch (error) {
      return this.failure(error, context, scope ?? { request, trace: observation?.span?.spanContext() });
    }
  }

  private readBody(route: RouteDefinition, request: AuthRequest): Promise<Record<string, unknown>> {
    const limit = this.auth.config.maxBodyBytes;
    return route.crossSiteForm ? readFormOrJsonBody(request, limit) : readJsonBody(request, limit);
  }

  /** The error answer, keeping the cookie changes the request made (a stale cookie is cleared even when the route then refuses). */
  private failure(error: unknown, context: RequestContext | undefined, scope?: RequestScope): AuthResponse {
    // Bound to the request here, where it is known: lines carry its id even when no scope was entered.
    const response = errorResponse(error, scope ? this.auth.config.logger.forRequest(scope) : this.auth.config.logger);
    for (const header of context?.response.headers ?? []) if (header[0] === 'set-cookie') response.headers.push(header);
    return response;
  }

  /** Validates the input, runs the route and builds its answer; throws what the route threw. */
  private async answer(context: RequestContext, route: RouteDefinition, request: AuthRequest): Promise<AuthResponse> {
    const dto = route.body ? await validateDto(route.body, context.body) : EMPTY_BODY;
    const query = route.query ? await validateDto(route.query, readQuery(request.query)) : EMPTY_BODY;
    if (route.session === 'required') await context.requireSession();
    const result = await route.handle(context, dto, query);
    if (result instanceof Redirect) return redirectResponse(result, context.response.headers);
    return jsonResponse(context.response.status, result, context.response.headers);
  }

  /** The path below the base path, or `null` when the request is not for us. */
  private routePath(path: string): string | null {
    const base = this.auth.config.basePath;
    if (!path.startsWith(base)) return null;
    const rest = path.slice(base.length);
    if (rest !== '' && !rest.startsWith('/')) return null;
    const trimmed = rest.length > 1 && rest.endsWith('/') ? rest.slice(0, -1) : rest;
    return trimmed === '' ? '/' : trimmed;
  }

  private notFound(path: string | null): AuthResponse {
    const methods = path === null ? [] : this.router.methodsFor(path);
    if (methods.length === 0) return errorResponse(new AuthError('NOT_FOUND'), this.auth.config.logger);
    const response = errorResponse(new AuthError('METHOD_NOT_ALLOWED'), this.auth.config.logger);
    response.headers.push(['allow', methods.join(', ')]);
    return response;
  }
}
