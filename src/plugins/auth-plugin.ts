import type { AuthContext } from '../core/auth-context';
import type { RouteDefinition } from '../http/route';
import type { PluginSchema } from '../schema/auth-schema';

/**
 * A feature of the auth engine: a set of routes over the shared context. Plugins are plain objects built by
 * the app (`new EmailPasswordPlugin({ ... })`) and handed to `BetterAuth.plugin()`.
 * @example
 * class PingPlugin implements AuthPlugin {
 *   readonly id = 'ping';
 *   routes() { return [defineRoute({ method: 'GET', path: '/ping', summary: 'Ping', handle: async () => ({ pong: true }) })]; }
 * }
 */
export interface AuthPlugin {
  /** Unique per auth instance. */
  readonly id: string;
  /** Called once when the auth instance is built; throw to refuse a configuration. */
  init?(auth: AuthContext): void;
  /** The routes this plugin mounts below the base path. */
  routes(auth: AuthContext): RouteDefinition[];
  /** Tables and fields the plugin needs; `getAuthSchema`, `generate` and `migrate` include them. */
  readonly schema?: PluginSchema;
}

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
