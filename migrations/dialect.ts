import { createHash } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { dialectOf, type Dialect } from '../adapters/typeorm/dialect';

// The dialect names are the adapter's (MariaDB is `mysql`, both SQLite drivers are `sqlite`); they also name the
// folders of shipped SQL under `migrations/`.
export { dialectOf, type Dialect };

/** The table recording which migrations a database has: one row per applied version. */
export const VERSION_TABLE = 'better_auth_migrations';

/**
 * What differs between dialects while applying migrations: how runners exclude each other, whether DDL can be
 * rolled back, and the SQL of the version table.
 */
export interface DialectOps {
  readonly dialect: Dialect;
  readonly versionTableDdl: string;
  /** The positional parameter marker for the n-th (1-based) parameter. */
  param(n: number): string;
  /** Takes the cross-process migration lock on this connection (throws after `timeoutMs`); resolves to its release. */
  lock(runner: QueryRunner, timeoutMs: number): Promise<() => Promise<void>>;
  /**
   * Opens the transaction one migration runs in, or returns false where DDL cannot be transactional (MySQL and
   * MariaDB commit implicitly around every DDL statement, so a failed file stays partly applied; the shipped files
   * are idempotent for that reason, and re-running picks up where it stopped).
   */
  begin(runner: QueryRunner, timeoutMs: number): Promise<boolean>;
}

/** The operations for a DataSource's dialect. */
export function dialectOps(dataSource: DataSource): DialectOps {
  const dialect = dialectOf(dataSource);
  if (dialect === 'postgres') return postgresOps(pgSchemaOption(dataSource));
  return dialect === 'sqlite' ? sqliteOps : mysqlOps;
}

function pgSchemaOption(dataSource: DataSource): string | undefined {
  return (dataSource.options as { schema?: string }).schema;
}

/**
 * PostgreSQL: a session-level advisory lock keyed by the target schema serialises runners (other schemas of the
 * same database migrate independently); DDL is transactional, so each file commits whole or not at all. A
 * DataSource with a `schema` option migrates that schema: every transaction sets its search_path locally, which
 * leaves the pooled connection as it was.
 */
function postgresOps(schema: string | undefined): DialectOps {
  const searchPath = schema === undefined ? null : `SET LOCAL search_path TO ${quotePg(schema)}`;
  return {
    dialect: 'postgres',
    versionTableDdl: `CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW())`,
    param: (n) => `$${n}`,
    async lock(runner, timeoutMs) {
      const target = schema ?? ((await runner.query('SELECT current_schema() AS current')) as { current: string | null }[])[0].current ?? 'public';
      const key = lockKey(target);
      await poll(timeoutMs, `the PostgreSQL migration lock of schema "${target}"`, async () => {
        const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key])) as { locked: boolean }[];
        return locked;
      });
      const release = async () => void (await runner.query('SELECT pg_advisory_unlock($1::bigint)', [key]));
      // Under the lock: two runners creating one schema at once would collide in the catalogue.
      if (schema !== undefined) await runner.query(`CREATE SCHEMA IF NOT EXISTS ${quotePg(schema)}`).catch(async (error: unknown) => {
        await release();
        throw error;
      });
      return release;
    },
    async begin(runner) {
      await runner.query('BEGIN');
      if (searchPath) await runner.query(searchPath);
      return true;
    },
  };
}

/**
 * SQLite has one writer at a time: `BEGIN IMMEDIATE` takes the write lock up front, so a second runner (another
 * connection or process) waits here, then finds the version recorded and skips it. There is no session lock.
 */
const sqliteOps: DialectOps = {
  dialect: 'sqlite',
  versionTableDdl: `CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version varchar(255) PRIMARY KEY NOT NULL, applied_at datetime NOT NULL DEFAULT (datetime('now')))`,
  param: () => '?',
  async lock() {
    return async () => {};
  },
  async begin(runner, timeoutMs) {
    await poll(timeoutMs, 'the SQLite write lock', async () => {
      try {
        await runner.query('BEGIN IMMEDIATE');
        return true;
      } catch (error) {
        if (/SQLITE_BUSY|database is locked/i.test(String((error as Error).message))) return false;
        throw error;
      }
    });
    return true;
  },
};

/**
 * MySQL / MariaDB: GET_LOCK, a named lock held by this connection, serialises runners on one database. DDL
 * commits implicitly, so migrations run without a transaction (see DialectOps.begin).
 */
const mysqlOps: DialectOps = {
  dialect: 'mysql',
  versionTableDdl:
    `CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version VARCHAR(255) NOT NULL PRIMARY KEY, ` +
    'applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
  param: () => '?',
  async lock(runner, timeoutMs) {
    const [{ db }] = (await runner.query('SELECT DATABASE() AS db')) as { db: string | null }[];
    if (!db) throw new Error('better-auth-entities migrations: the MySQL connection has no database selected');
    // Lock names are server-wide and at most 64 characters: hash the database name into one.
    const name = `${VERSION_TABLE}_${createHash('sha256').update(db).digest('hex').slice(0, 32)}`;
    const [{ locked }] = (await runner.query('SELECT GET_LOCK(?, ?) AS locked', [name, Math.ceil(timeoutMs / 1000)])) as { locked: number | null }[];
    if (Number(locked) !== 1) throw new Error(`better-auth-entities migrations: timed out waiting for the MySQL migration lock of database "${db}"`);
    return async () => void (await runner.query('SELECT RELEASE_LOCK(?)', [name]));
  },
  async begin() {
    return false;
  },
};

/** A signed 64-bit advisory-lock key for a schema, as a string (pg has no bigint parameters). */
function lockKey(schema: string): string {
  return createHash('sha256').update(`${VERSION_TABLE}:${schema}`).digest().readBigInt64BE(0).toString();
}

function quotePg(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** Retries `attempt` until it returns true, sleeping between tries; throws once `timeoutMs` has passed. */
async function poll(timeoutMs: number, what: string, attempt: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    if (await attempt()) return;
    if (Date.now() >= deadline) throw new Error(`better-auth-entities migrations: timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
