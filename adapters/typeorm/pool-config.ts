/**
 * Connection pool settings for `TypeOrmAdapter.connect`, in the seed's terms. Every field is optional;
 * the defaults are those of the Rust port's `PoolConfig`.
 * @example
 * await TypeOrmAdapter.connect(url, entities, { pool: { maxConnections: 20, acquireTimeoutMs: 5_000 } });
 */
export interface PoolConfig {
  /** Most connections open at once (default 10). */
  maxConnections?: number;
  /** Idle connections kept open rather than closed after `idleTimeoutMs` (default 0). */
  minConnections?: number;
  /** How long a query waits for a connection before failing with `DatabaseUnavailableError` (default 30 s). */
  acquireTimeoutMs?: number;
  /** Close a connection idle this long (default 600 s). */
  idleTimeoutMs?: number;
  /** Close a connection this old, idle or not, once it is released (default 1800 s). */
  maxLifetimeMs?: number;
  /**
   * How long one statement waits for the database's answer before failing with `DatabaseUnavailableError`
   * (default 30 s; 0 waits for ever). Without it, a database or network that stops answering without closing
   * the connection holds every request until TCP gives up, many minutes later. PostgreSQL only (see poolOptions).
   */
  queryTimeoutMs?: number;
}

/**
 * The defaults, resolved once.
 * @example
 * DEFAULT_POOL_CONFIG.acquireTimeoutMs; // 30_000
 */
export const DEFAULT_POOL_CONFIG: Readonly<Required<PoolConfig>> = Object.freeze({
  maxConnections: 10,
  minConnections: 0,
  acquireTimeoutMs: 30_000,
  idleTimeoutMs: 600_000,
  maxLifetimeMs: 1_800_000,
  queryTimeoutMs: 30_000,
});

/** The TypeORM driver names `connect()` builds DataSources for. */
export type DriverType = 'postgres' | 'mysql' | 'mariadb' | 'sqlite' | 'better-sqlite3';

/**
 * The DataSource options that carry `pool` to each driver. What a driver cannot do is said here, once:
 *
 * - pg (pg-pool): all six map. `connectionTimeoutMillis` bounds both the wait for a free connection and the
 *   connect itself; `min` only keeps idle connections from being closed, pg-pool never opens them ahead;
 *   `query_timeout` bounds the wait for each statement's answer on the client side (`statement_timeout`
 *   would not: a server that cannot be reached cannot cancel anything).
 * - mysql2 (MySQL, MariaDB): `connectionLimit` and `idleTimeout` map. mysql2 has no bound on the wait for a
 *   free connection (only `queueLimit`, a queue length) and no connection lifetime, so `acquireTimeoutMs`
 *   bounds the connect handshake (`connectTimeout`) and `maxLifetimeMs` is left to the server's `wait_timeout`.
 *   mysql2 runs its idle sweep only when `maxIdle < connectionLimit`, and then closes every connection idle
 *   past `idleTimeout`, so `minConnections` cannot be honoured; `maxIdle` is set just below the limit to
 *   switch the sweep on. mysql2 has no pool-wide statement timeout, so `queryTimeoutMs` does not apply.
 * - SQLite (sqlite3, better-sqlite3): one connection, no pool. `acquireTimeoutMs` becomes the busy timeout,
 *   how long a statement waits for another process's write lock; the rest do not apply.
 * @example
 * poolOptions('postgres', resolvePoolConfig({ maxConnections: 5 })); // { poolSize: 5, extra: { max: 5, ... } }
 */
export function poolOptions(driver: DriverType, pool: Readonly<Required<PoolConfig>>): Record<string, unknown> {
  switch (driver) {
    case 'postgres':
      return {
        poolSize: pool.maxConnections,
        extra: {
          max: pool.maxConnections,
          min: pool.minConnections,
          connectionTimeoutMillis: pool.acquireTimeoutMs,
          idleTimeoutMillis: pool.idleTimeoutMs,
          maxLifetimeSeconds: Math.ceil(pool.maxLifetimeMs / 1000),
          ...(pool.queryTimeoutMs > 0 ? { query_timeout: pool.queryTimeoutMs } : {}),
        },
      };
    case 'mysql':
    case 'mariadb':
      return {
        poolSize: pool.maxConnections,
        connectTimeout: pool.acquireTimeoutMs,
        extra: {
          connectionLimit: pool.maxConnections,
          maxIdle: Math.max(pool.minConnections, pool.maxConnections - 1),
          idleTimeout: pool.idleTimeoutMs,
        },
      };
    case 'sqlite':
      return { busyTimeout: pool.acquireTimeoutMs };
    case 'better-sqlite3':
      return { timeout: pool.acquireTimeoutMs };
  }
}

/**
 * `pool` with defaults filled in; throws on values no driver could honour.
 * @example
 * resolvePoolConfig({ maxConnections: 4 }).idleTimeoutMs; // 600_000
 */
export function resolvePoolConfig(pool: PoolConfig = {}): Readonly<Required<PoolConfig>> {
  const resolved = { ...DEFAULT_POOL_CONFIG };
  for (const [key, value] of Object.entries(pool) as Array<[keyof PoolConfig, number | undefined]>) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`PoolConfig.${key} must be a non-negative number; got ${value}.`);
    resolved[key] = value;
  }
  if (resolved.maxConnections < 1) throw new RangeError('PoolConfig.maxConnections must be at least 1.');
  if (resolved.minConnections > resolved.maxConnections) {
    throw new RangeError(`PoolConfig.minConnections (${resolved.minConnections}) exceeds maxConnections (${resolved.maxConnections}).`);
  }
  return Object.freeze(resolved);
}
