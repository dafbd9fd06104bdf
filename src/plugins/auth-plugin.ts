import type { AuthContext } from '../core/auth-context';
import type { PluginDeclarations } from '../core/plugin-declarations';
import type { RequestHooks } from '../http/request-hooks';
import type { RouteDefinition } from '../http/route';

/**
 * A feature of the auth engine. Plugins are plain objects built by the app (`new EmailPasswordPlugin({ ... })`)
 * and handed to `BetterAuth.plugin()`. Everything a plugin adds goes through the extension points below and in
 * `PluginDeclarations` (schema, error codes, token purposes, email templates, rate limits); in `init` it can
 * add sign-in steps (`auth.signIn.addStep`), flow listeners (`auth.hooks`) and a session store
 * (`auth.useSessionStore`). Core never imports a plugin: see `examples/audit-plugin.ts` for one written from
 * the package's public exports only.
 * @example
 * class PingPlugin implements AuthPlugin {
 *   readonly id = 'ping';
 *   routes() { return [defineRoute({ method: 'GET', path: '/ping', summary: 'Ping', handle: async () => ({ pong: true }) })]; }
 *   api(auth: AuthContext) { return { ping: { now: async () => ({ pong: true }) } }; } // auth.api.ping.now()
 * }
 */
export interface AuthPlugin extends PluginDeclarations {
  /** Called once when the auth instance is built, in the order plugins were added; throw to refuse a configuration. */
  init?(auth: AuthContext): void;
  /** The routes this plugin mounts below the base path. */
  routes(auth: AuthContext): RouteDefinition[];
  /** Request hooks, run by the handler around every route whose path their matcher names. */
  readonly hooks?: RequestHooks;
  /**
   * Server-side methods merged into `auth.api` (typed from the plugins passed to `.plugin()`): return an
   * object under a key of the plugin's own, e.g. `{ organization: { create, list } }`.
   */
  api?(auth: AuthContext): object;
  /** Releases what the plugin holds (timers, connections): called by `auth.close()`. */
  close?(): void | Promise<void>;
}

/** The `auth.api` methods a plugin adds, as its `api()` declares them (`{}` for a plugin without one). */
export type PluginApi<P> = P extends { api(auth: AuthContext): infer A } ? (A extends object ? A : object) : object;

/**
 * What a plugin received in `init`, or a clear error when the plugin is used before `BetterAuth.build()`
 * wired it (e.g. an app calling `plugin.signUp()` on a plugin it never added).
 * @example
 * private get auth(): AuthContext { return builtPart('EmailPasswordPlugin', this.context); }
 */
export function builtPart<T>(plugin: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`${plugin} is not part of a built auth instance; call BetterAuth.build() first.`);
  return value;
}
