import { resolve } from 'node:path';
import { DataSource, type DataSourceOptions, type QueryRunner } from 'typeorm';
import { parseConnectionUrl } from '../adapters/typeorm/connection-url';
import { isDriverUnavailable, noDriverError } from '../adapters/typeorm/data-source-factory';
import { dialectOps, VERSION_TABLE, type DialectOps } from './dialect';
import { listMigrations, type MigrationFile } from './sql-files';

/** Where to apply the migrations: a DataSource, anything carrying one (e.g. a TypeORM adapter), or a connection URL. */
export type MigrationTarget = DataSource | { readonly dataSource: DataSource } | string;

/** Options of {@link runMigrations}. */
export interface RunMigrationsOptions {
  /** Receives one line per migration applied or skipped. */
  log?: (line: string) => void;
  /** How long to wait for another runner's lock before failing; default 60 s. */
  lockTimeoutMs?: number;
}

/** The versions (file names without `.sql`) this run applied, and those it found already applied. */
export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

/** A migration statement failed; `version` and `statement` say which, `cause` keeps the driver's error. */
export class MigrationError extends Error {
  constructor(
    readonly version: string,
    readonly statement: string,
    cause: unknown,
  ) {
    super(`better-auth-entities migration ${version} failed: ${(cause as Error)?.message ?? String(cause)}\n  in: ${statement}`, { cause });
    this.name = 'MigrationError';
  }
}

/**
 * Applies the shipped migrations of the target's dialect that the database does not have yet, in version order,
 * and records each in `better_auth_migrations (version, applied_at)`. Running it again applies nothing.
 * Each file runs in its own transaction on PostgreSQL and SQLite; MySQL/MariaDB commit DDL implicitly, so there a
 * failed file stays partly applied (the files are idempotent: fix the cause and run again).
 * Concurrent runners apply each version once: PostgreSQL advisory lock, MySQL GET_LOCK, SQLite's single writer
 * (`BEGIN IMMEDIATE`, with the version re-checked inside the transaction).
 * A DataSource that is not initialized yet is initialized (and left open); a URL gets a connection of its own,
 * closed at the end.
 * @example
 * const { applied } = await runMigrations(appDataSource, { log: console.log }); // ['001_initial', '002_organization']
 * await runMigrations(process.env.DATABASE_URL!);
 */
export async function runMigrations(target: MigrationTarget, options: RunMigrationsOptions = {}): Promise<MigrationResult> {
  if (typeof target === 'string') {
    const dataSource = await openUrl(target);
    try {
      return await runMigrations(dataSource, options);
    } finally {
      await dataSource.destroy();
    }
  }
  const dataSource = 'dataSource' in target ? target.dataSource : target;
  if (!dataSource.isInitialized) await dataSource.initialize();
  return serialised(dataSource, () => migrate(dataSource, options));
}

/**
 * Runs `task` holding the lock `runMigrations` holds (queued in-process per database, and the database's own
 * lock across processes: PostgreSQL advisory lock, MySQL GET_LOCK), so another schema change (the CLI's
 * `migrate`) never interleaves with a migration run or with itself. On SQLite there is no session lock: runs
 * are queued in this process only.
 * @example
 * await withMigrationLock(dataSource, async () => applyMigration(dataSource, dialect, await planMigration(schema, dataSource, dialect)));
 */
export async function withMigrationLock<T>(dataSource: DataSource, task: () => Promise<T>, options: { lockTimeoutMs?: number } = {}): Promise<T> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  return serialised(dataSource, async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      const release = await dialectOps(dataSource).lock(runner, options.lockTimeoutMs ?? 60_000);
      try {
        return await task();
      } finally {
        await release();
      }
    } finally {
      await runner.release();
    }
  });
}

/** A one-connection DataSource for a URL, parsed as the TypeORM adapter does; the first driver that connects wins. */
async function openUrl(url: string): Promise<DataSource> {
  const target = parseConnectionUrl(url);
  const unavailable: string[] = [];
  let connectError: unknown;
  for (const type of target.drivers) {
    try {
      return await new DataSource({ ...target.options, type, poolSize: 1 } as DataSourceOptions).initialize();
    } catch (error) {
      // e.g. TypeORM 1.x has no sqlite3 driver, or sqlite3 is not installed: try better-sqlite3
      if (isDriverUnavailable(error)) unavailable.push(`${type}: ${(error as Error).message}`);
      else connectError ??= error;
    }
  }
  throw connectError ?? noDriverError(target, unavailable);
}

// Runs are queued in-process per database. TypeORM's SQLite drivers share one connection between query runners,
// so two runs on one DataSource would interleave their transactions on it; and better-sqlite3 waits for a busy
// file synchronously, so a second connection in the same process would block the event loop the first one needs
// to finish. Across processes the database's own lock (see dialect.ts) does the work.
const queues = new Map<unknown, Promise<unknown>>();

function serialised<T>(dataSource: DataSource, task: () => Promise<T>): Promise<T> {
  const key = queueKey(dataSource);
  const result = (queues.get(key) ?? Promise.resolve()).then(task, task);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return result;
}

function queueKey(dataSource: DataSource): unknown {
  const { database } = dataSource.options as { database?: unknown };
  const file = typeof database === 'string' && database !== ':memory:' ? database : null;
  return dialectOps(dataSource).dialect === 'sqlite' && file ? `sqlite:${resolve(file)}` : dataSource;
}

async function migrate(dataSource: DataSource, options: RunMigrationsOptions): Promise<MigrationResult> {
  const ops = dialectOps(dataSource);
  const migrations = listMigrations(ops.dialect);
  const timeoutMs = options.lockTimeoutMs ?? 60_000;
  const log = (line: string) => options.log?.(`better-auth-entities migrations (${ops.dialect}): ${line}`);
  const result: MigrationResult = { applied: [], skipped: [] };
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const release = await ops.lock(runner, timeoutMs);
    try {
      await inTransaction(ops, runner, timeoutMs, () => runner.query(ops.versionTableDdl));
      for (const migration of migrations) {
        const started = Date.now();
        const applied = await inTransaction(ops, runner, timeoutMs, () => applyIfMissing(ops, runner, migration));
        result[applied ? 'applied' : 'skipped'].push(migration.version);
        log(applied ? `applied ${migration.version} in ${Date.now() - started} ms` : `${migration.version} already applied`);
      }
    } finally {
      await release();
    }
  } finally {
    await runner.release();
  }
  return result;
}

/** Applies one file unless its version is recorded; the check sits inside the lock/transaction, so it cannot race. */
async function applyIfMissing(ops: DialectOps, runner: QueryRunner, migration: MigrationFile): Promise<boolean> {
  const recorded = (await runner.query(`SELECT version FROM ${VERSION_TABLE} WHERE version = ${ops.param(1)}`, [migration.version])) as unknown[];
  if (recorded.length > 0) return false;
  for (const statement of migration.statements) {
    try {
      if (await addsExistingColumn(runner, statement)) continue;
      await runner.query(statement);
    } catch (error) {
      throw new MigrationError(migration.version, statement, error);
    }
  }
  await runner.query(`INSERT INTO ${VERSION_TABLE} (version) VALUES (${ops.param(1)})`, [migration.version]);
  return true;
}

/** `ALTER TABLE <table> ADD COLUMN [IF NOT EXISTS] <column> …`: the only statement form besides guarded CREATEs. */
const ADD_COLUMN = /^ALTER TABLE\s+[`"]?(\w+)[`"]?\s+ADD COLUMN\s+(?:IF NOT EXISTS\s+)?[`"]?(\w+)[`"]?/i;

/**
 * Whether the statement adds a column the table already has. SQLite and MySQL have no `ADD COLUMN IF NOT EXISTS`,
 * and MySQL commits DDL as it goes, so a file that failed after its ALTER (or a column an app added by hand) would
 * otherwise fail every re-run: the check makes an added column as re-runnable as a guarded CREATE.
 */
async function addsExistingColumn(runner: QueryRunner, statement: string): Promise<boolean> {
  const match = ADD_COLUMN.exec(statement);
  if (!match) return false;
  return runner.hasColumn(match[1], match[2]);
}

async function inTransaction<T>(ops: DialectOps, runner: QueryRunner, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  if (!(await ops.begin(runner, timeoutMs))) return work();
  try {
    const value = await work();
    await runner.query('COMMIT');
    return value;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
