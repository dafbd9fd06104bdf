import { DataSource, type DataSourceOptions } from 'typeorm';
import type { ConnectionTarget } from './connection-url';
import { poolOptions, type PoolConfig } from './pool-config';
import { closeConnectionsOnStatementTimeout } from './statement-timeout';

/** TypeORM's errors for a driver it does not have (1.x dropped `sqlite`) or whose npm package is missing. */
const DRIVER_UNAVAILABLE = new Set(['MissingDriverError', 'DriverPackageNotInstalledError']);

/**
 * A DataSource (not yet initialised) for a parsed connection URL, with the pool settings mapped onto the
 * driver. Tries the target's drivers in order and keeps the first the installed TypeORM can build: for SQLite
 * that is `better-sqlite3` when it is installed (TypeORM 0.3 and 1.x), else `sqlite3` on TypeORM 0.3.
 * @example
 * const dataSource = createDataSource(parseConnectionUrl('sqlite::memory:'), resolvePoolConfig(), [User, Session], { logging: true });
 * await dataSource.initialize();
 */
export function createDataSource(
  target: ConnectionTarget,
  pool: Readonly<Required<PoolConfig>>,
  entities: Function[],
  extra: Readonly<Partial<Record<'logging' | 'logger', unknown>>> = {},
): DataSource {
  const failures: string[] = [];
  for (const driver of target.drivers) {
    const options = { ...target.options, ...poolOptions(driver, pool), ...extra, type: driver, entities };
    try {
      const dataSource = new DataSource(options as DataSourceOptions);
      if (driver === 'postgres') closeConnectionsOnStatementTimeout(dataSource);
      return dataSource;
    } catch (error) {
      if (!isDriverUnavailable(error)) throw error;
      failures.push(`${driver}: ${(error as Error).message}`);
    }
  }
  throw noDriverError(target, failures);
}

/** Whether TypeORM refused a driver because it lacks it or its npm package is not installed. */
export function isDriverUnavailable(error: unknown): boolean {
  return DRIVER_UNAVAILABLE.has((error as Error)?.name);
}

/**
 * The error for a target none of whose drivers is installed. It names the npm package to install: TypeORM's own
 * message names `mysql` for MySQL, where `mysql2` is the driver this package supports.
 */
export function noDriverError(target: ConnectionTarget, failures: readonly string[]): Error {
  return new Error(
    `No driver for ${target.description} works with the installed TypeORM. ` +
      `Install one: ${target.dialect === 'sqlite' ? 'sqlite3 (TypeORM 0.3) or better-sqlite3 (TypeORM 0.3 and 1.x)' : target.dialect === 'postgres' ? 'pg' : 'mysql2'}. ` +
      `(${failures.join('; ')})`,
  );
}

/**
 * Names the database of a DataSource an app built itself, for error messages: `PostgreSQL at db:5432`.
 * @example
 * describeDataSource(new DataSource({ type: 'better-sqlite3', database: 'auth.db' })); // 'SQLite file auth.db'
 */
export function describeDataSource(dataSource: DataSource): string {
  const options = dataSource.options as { type: string; host?: string; port?: number; url?: string; database?: unknown };
  if (options.type === 'sqlite' || options.type === 'better-sqlite3') {
    return options.database === ':memory:' ? 'SQLite in memory' : `SQLite file ${String(options.database)}`;
  }
  const product = options.type === 'postgres' ? 'PostgreSQL' : options.type === 'mariadb' ? 'MariaDB' : 'MySQL';
  let host = options.host;
  let port = options.port;
  if (options.url) {
    try {
      const parsed = new URL(options.url);
      host = parsed.hostname;
      port = parsed.port ? Number(parsed.port) : undefined;
    } catch {
      // an unreadable URL leaves the bare product name
    }
  }
  return host ? `${product} at ${host}${port ? `:${port}` : ''}` : product;
}
