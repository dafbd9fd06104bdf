import { AuthApi } from './api/auth-api';
import type { ResolvedSession } from './http/app-route-session';
import type { AuthContext } from './core/auth-context';
import { ExpiredRowPurge } from './core/expired-row-purge';
import type { AuthRequest, AuthResponse } from './wire/auth-request';
import { AuthHandler } from './http/auth-handler';
import type { RouteDefinition } from './http/route';
import { fromWebRequest, toWebResponse } from './http/web/web-adapter';
import type { RequestHooks } from './http/request-hooks';
import type { AuthPlugin } from './plugins/auth-plugin';
import type { HealthReport } from './observability/health-check';

export type { ResolvedSession } from './http/app-route-session';

/**
 * A built auth instance: the HTTP handler, the in-process API, and session lookup for framework integrations.
 * `U` and `S` are the app's own user and session classes; `A` is what the plugins added to `api`.
 * @example
 * export default { fetch: auth.handler };            // any Web-standard server
 * http.createServer(toNodeHandler(auth)).listen(3000); // node:http
 */
export class Auth<U extends object, S extends object, A extends object = object> {
  /** The flows as functions: the engine's (`getSession`, `signUpEmail`, …) and each plugin's (`api.audit.list`). */
  readonly api: AuthApi<U, S> & A;
  private readonly server: AuthHandler;
  private readonly purge: ExpiredRowPurge | null;

  constructor(
    readonly context: AuthContext,
    readonly plugins: readonly AuthPlugin[],
    routes: readonly RouteDefinition[],
  ) {
    this.api = withPluginApis(new AuthApi<U, S>(context), context, plugins) as AuthApi<U, S> & A;
    const hooks = plugins.map((plugin) => plugin.hooks).filter((set): set is RequestHooks => set !== undefined);
    this.server = new AuthHandler(context, routes, hooks);
    const every = context.config.purgeExpiredEveryMs;
    this.purge = every === null ? null : new ExpiredRowPurge(context.db, every, context.config.logger);
    this.purge?.start();
  }

  /**
   * Stops the work the instance runs on its own (the purge of expired rows, plugins' timers) and waits for
   * background work (emails) to finish. The database adapter is the app's: close it yourself afterwards.
   * @example
   * process.on('SIGTERM', async () => { await auth.close(); await db.close(); });
   */
  async close(): Promise<void> {
    await this.purge?.stop();
    for (const plugin of this.plugins) await plugin.close?.();
    await this.context.tasks.drain();
  }

  /**
   * Readiness of the instance: the database and the secondary storage probed at once, `up`, `degraded`
   * (secondary storage away, sessions served from the database) or `down` (database away). Never throws.
   * @example
   * app.get('/ready', async (_req, res) => { const report = await auth.health(); res.status(report.status === 'down' ? 503 : 200).json(report); });
   */
  health(): Promise<HealthReport> {
    return this.context.health();
  }

  /** Web-standard handler: `Request` in, `Response` out. Bound, so it can be passed around as is. */
  readonly handler = async (request: Request): Promise<Response> => toWebResponse(await this.server.handle(fromWebRequest(request)));

  /** The engine-level handler the Node and Express adapters call without building Web objects. */
  handle(request: AuthRequest): Promise<AuthResponse> {
    return this.server.handle(request);
  }

  /** Every mounted route (for the API reference and for tests). */
  get routes(): RouteDefinition[] {
    return this.server.routes;
  }

  /** The session a request presents, typed, for middleware such as `requireSession`. */
  async resolveSession(request: AuthRequest): Promise<ResolvedSession<U, S> | null> {
    const byHeader = this.context.headerCredentials.registered ? this.context.headerCredentials.resolve(request) : undefined;
    if (byHeader) {
      const active = await byHeader;
      return active ? { user: active.user as U, session: active.session as S, refreshedCookie: null } : null;
    }
    const presented = this.context.cookies.read(request);
    if (!presented) return null;
    const active = await this.context.sessions.find(presented.token);
    if (!active) return null;
    const refreshedCookie =
      active.refreshed && presented.source === 'cookie'
        ? this.context.cookies.setCookie(active.token, this.context.models.session.read(active.session, 'expiresAt'))
        : null;
    return { user: active.user as U, session: active.session as S, refreshedCookie };
  }
}

/** Adds each plugin's `api()` methods to the engine's; two plugins may not claim one name. */
function withPluginApis(api: AuthApi<object, object>, context: AuthContext, plugins: readonly AuthPlugin[]): object {
  for (const plugin of plugins) {
    if (!plugin.api) continue;
    for (const [name, value] of Object.entries(plugin.api(context))) {
      if (name in api) throw new Error(`Plugin "${plugin.id}" adds api.${name}, which the engine or another plugin already has.`);
      Object.defineProperty(api, name, { value, enumerable: true });
    }
  }
  return api;
}
