import type { DatabaseAdapter } from '../adapters/database-adapter';
import { Auth } from './auth';
import type { AuthConfig } from './config/auth-config';
import { ConfigError, resolveConfig } from './config/resolve-config';
import { AuthContext } from './core/auth-context';
import { HookedDatabaseAdapter } from './core/hooked-database-adapter';
import { coreRoutes } from './http/core-routes';
import type { RouteDefinition } from './http/route';
import type { AuthPlugin, PluginApi } from './plugins/auth-plugin';
// The builder is the composition root, the one layer above the plugins: it constructs the plugins the
// configuration implies (the user routes always, the secondary storage and the rate limiter when configured;
// see withCorePlugins and ARCHITECTURE.md). Nothing below it names a plugin class.
import { UserPlugin } from './plugins/user/user-plugin';
import { SessionManagementPlugin } from './plugins/session-management/session-management-plugin';
import { RateLimitPlugin } from './plugins/rate-limit/rate-limit-plugin';
import { SecondaryStoragePlugin } from './plugins/secondary-storage/secondary-storage-plugin';
import { StorageRateLimitStore } from './plugins/secondary-storage/storage-rate-limit-store';
import { mergeDatabaseHooks } from './core/merge-database-hooks';
import type { Logger } from './core/logger';
import type { SecondaryStorage } from './core/secondary-storage';
import { traceDatabaseAdapter } from './observability/traced-database-adapter';
import { TracedSecondaryStorage } from './observability/traced-secondary-storage';
import { telemetry } from './observability/telemetry';

/**
 * Assembles an auth instance: configuration, then the database, then plugins, then `build()`.
 * The user and session types of the result come from the adapter, so handlers see the app's own classes, and
 * `auth.api` gains the methods of each plugin passed to `.plugin()`.
 * @example
 * const auth = new BetterAuth({ secret: process.env.AUTH_SECRET!, baseURL: 'http://localhost:3000' })
 *   .database(new MemoryDatabaseAdapter({ user: AppUser }))
 *   .plugin(new EmailPasswordPlugin())
 *   .plugin(new SessionManagementPlugin())
 *   .build();
 */
export class BetterAuth<U extends object = object, S extends object = object, A extends object = object> {
  private db: DatabaseAdapter | undefined;
  private readonly plugins: AuthPlugin[] = [];

  constructor(private readonly config: AuthConfig) {}

  /** The storage every flow goes through; its entity classes become the types of sessions and users. */
  database<U2 extends object, S2 extends object, A extends object, O extends object, M extends object, I extends object, V extends object>(
    db: DatabaseAdapter<U2, S2, A, O, M, I, V>,
  ): BetterAuth<U2, S2, A> {
    const next = this as unknown as BetterAuth<U2, S2, A>;
    next.db = db as unknown as DatabaseAdapter;
    return next;
  }

  /** Adds a feature; each plugin id may be added once. Its `api()` methods join `auth.api`, typed. */
  plugin<P extends AuthPlugin>(plugin: P): BetterAuth<U, S, A & PluginApi<P>> {
    if (this.plugins.some((existing) => existing.id === plugin.id)) {
      throw new ConfigError(`The plugin "${plugin.id}" was added twice; add each plugin once.`);
    }
    this.plugins.push(plugin);
    return this as unknown as BetterAuth<U, S, A & PluginApi<P>>;
  }

  /** Checks the configuration, wires the plugins and returns the ready auth instance. */
  build(): Auth<U, S, A> {
    const config = resolveConfig(this.config);
    if (!this.db) {
      throw new ConfigError('No database: call .database(new MemoryDatabaseAdapter()) or .database(await TypeOrmAdapter.connect(url)) before .build().');
    }
    // Spans around every storage and adapter call only when a tracer is registered when the instance is built
    // (start the OpenTelemetry SDK first, as its Node setup says): the forwarding wrapper alone cost get-session
    // about a fifth of its throughput in the bench with the API installed and no SDK.
    const traced = telemetry.tracing();
    const given = this.config.secondaryStorage;
    const storage = given && traced ? new TracedSecondaryStorage(given) : given;
    const plugins = withCorePlugins(this.plugins, this.config, config.logger, storage);
    // Hooks (the app's, then the plugins') wrap the adapter once, here, so every flow writes through them without knowing.
    const hooks = mergeDatabaseHooks([config.databaseHooks ?? undefined, ...plugins.map((plugin) => plugin.databaseHooks)]);
    // Traced outermost, so a span covers what the hooks add to a call.
    const hooked = hooks ? new HookedDatabaseAdapter(this.db, hooks) : this.db;
    const db = traced ? traceDatabaseAdapter(hooked) : hooked;
    const context = new AuthContext(config, db, plugins, storage ?? null);
    for (const plugin of plugins) plugin.init?.(context);
    context.seal();
    const routes: RouteDefinition[] = [...coreRoutes(() => routes, config.health.route), ...plugins.flatMap((plugin) => plugin.routes(context))];
    return new Auth<U, S, A>(context, plugins, routes);
  }
}

const USER_PLUGIN_ID = 'user';
const SESSION_PLUGIN_ID = 'session-management';
const RATE_LIMIT_PLUGIN_ID = 'rate-limit';

/**
 * The user routes (update-user, change-email, delete-user) and the session routes (get-session, sign-out,
 * list/revoke sessions) are core, as in the seed's "what gets mounted": every instance has them, whichever
 * ways of signing in it was given (a social-only app still needs get-session). Adding
 * `new UserPlugin({ ... })` or `new SessionManagementPlugin({ ... })` yourself configures them instead. A
 * secondary storage brings its session cache, and the rate limiter joins when `rateLimit` is on.
 */
function withCorePlugins(plugins: readonly AuthPlugin[], config: AuthConfig, logger: Logger, storage: SecondaryStorage | undefined): AuthPlugin[] {
  const all = plugins.some((plugin) => plugin.id === USER_PLUGIN_ID) ? [...plugins] : [...plugins, new UserPlugin()];
  if (!all.some((plugin) => plugin.id === SESSION_PLUGIN_ID)) all.push(new SessionManagementPlugin());
  if (storage) {
    const storeSessionInDatabase = config.session?.storeSessionInDatabase ?? true;
    all.unshift(new SecondaryStoragePlugin(storage, { storeSessionInDatabase, storeVerificationInDatabase: config.verification?.storeInDatabase ?? false }));
  }
  // The limiter runs before every other plugin's hooks, so a limited request costs nothing else.
  if (rateLimitEnabled(config) && !all.some((plugin) => plugin.id === RATE_LIMIT_PLUGIN_ID)) {
    const where = config.rateLimit?.storage ?? (storage ? 'secondary-storage' : 'memory');
    if (where === 'secondary-storage' && !storage) throw new ConfigError("rateLimit.storage 'secondary-storage' needs a secondaryStorage.");
    const store = config.rateLimit?.store ?? (where === 'secondary-storage' && storage ? new StorageRateLimitStore(storage, logger) : undefined);
    all.unshift(new RateLimitPlugin({ ...config.rateLimit, storage: where, store }));
  }
  return all;
}

/** On when configured so, and by default in production (better-auth's rule). */
function rateLimitEnabled(config: AuthConfig): boolean {
  return config.rateLimit?.enabled ?? process.env.NODE_ENV === 'production';
}
