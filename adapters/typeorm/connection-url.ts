import type { Dialect } from './dialect';
import type { DriverType } from './pool-config';

/** What a connection URL says: where the database is, and the DataSource options that reach it. */
export interface ConnectionTarget {
  readonly dialect: Dialect;
  /** TypeORM driver names to try in order; the first the installed TypeORM supports wins (see `connect`). */
  readonly drivers: readonly DriverType[];
  /** DataSource options but `type` and the pool settings. */
  readonly options: Readonly<Record<string, unknown>>;
  /** For messages: `PostgreSQL at 127.0.0.1:5432 (database "app")`; never the password. */
  readonly description: string;
  readonly host?: string;
  readonly port?: number;
}

const SCHEMES = 'postgres://, postgresql://, mysql://, mariadb://, sqlite:<path> or sqlite::memory:';

/**
 * Reads a connection URL.
 * - `postgres://` / `postgresql://`: handed to node-postgres whole, so its query parameters (`sslmode`,
 *   `options=-c search_path=auth`) keep working.
 * - `mysql://` / `mariadb://`: user, password, host, port and database; dates travel in UTC (`timezone: 'Z'`).
 * - `sqlite:<path>` (`sqlite:./auth.db`, `sqlite:///var/db/auth.db`) or `sqlite::memory:`. `better-sqlite3` is
 *   preferred whenever it is installed (TypeORM 1.x knows only it; on 0.3 it is also much cheaper per statement:
 *   synchronous, off libuv's thread pool, and without the verbose mode TypeORM 0.3 switches `sqlite3` into);
 *   `sqlite3` is used on TypeORM 0.3 when it is the only SQLite driver installed. Both are listed, tried in order.
 *   A file is switched to WAL journaling (it stays so; `-wal` and `-shm` files appear beside it): readers and
 *   the writer no longer block each other, across processes too (the app and the CLI), and each read is cheaper.
 *   WAL needs a local file system; an app with its database on a network share builds its own DataSource.
 * @example
 * parseConnectionUrl('mysql://root@127.0.0.1:3306/app').options; // { host: '127.0.0.1', port: 3306, ... }
 */
export function parseConnectionUrl(url: string): ConnectionTarget {
  const scheme = /^([a-z0-9+]+):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') return sqliteTarget(url.slice('sqlite:'.length));
  if (scheme === 'postgres' || scheme === 'postgresql') {
    const parsed = parse(url);
    return {
      dialect: 'postgres',
      drivers: ['postgres'],
      options: { url },
      ...networkTarget('PostgreSQL', parsed, 5432),
    };
  }
  if (scheme === 'mysql' || scheme === 'mariadb') {
    const parsed = parse(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined;
    return {
      dialect: 'mysql',
      drivers: [scheme],
      options: {
        host: parsed.hostname,
        port: parsed.port ? Number(parsed.port) : 3306,
        username: decodeURIComponent(parsed.username) || undefined,
        password: decodeURIComponent(parsed.password) || undefined,
        database,
        // mysql2 reads and writes DATETIME in this zone; UTC makes stored values independent of the server.
        timezone: 'Z',
      },
      ...networkTarget(scheme === 'mysql' ? 'MySQL' : 'MariaDB', parsed, 3306),
    };
  }
  throw new Error(`Unsupported database URL '${redact(url)}': use ${SCHEMES}.`);
}

function sqliteTarget(rest: string): ConnectionTarget {
  // `sqlite:///abs/path` and `sqlite://rel/path` are common spellings of `sqlite:/abs/path` and `sqlite:rel/path`.
  const database = rest.startsWith('//') ? rest.slice(2) : rest;
  if (!database) throw new Error(`A SQLite URL names a file or :memory: (sqlite:./auth.db, sqlite::memory:).`);
  return {
    dialect: 'sqlite',
    drivers: ['better-sqlite3', 'sqlite'],
    options: { database, enableWAL: database !== ':memory:' },
    description: database === ':memory:' ? 'SQLite in memory' : `SQLite file ${database}`,
  };
}

function parse(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new Error(`Cannot read the database URL '${redact(url)}'; it should look like postgres://user:password@host:5432/database.`);
  }
}

function networkTarget(product: string, parsed: URL, defaultPort: number) {
  const host = parsed.hostname || 'localhost';
  const port = parsed.port ? Number(parsed.port) : defaultPort;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return { host, port, description: `${product} at ${host}:${port}${database ? ` (database "${database}")` : ''}` };
}

/** A URL fit for an error message: the password replaced. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
