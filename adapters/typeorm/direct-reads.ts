import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Dialect } from './dialect';
import { driverErrorOf, isUnavailable } from './error-translation';

/** Result rows as arrays, in the order of the select list; values as TypeORM's raw queries get them from the driver. */
export type RawRows = unknown[][];

/**
 * Runs a read the adapter wrote once (its SQL text fixed, only parameters changing) straight on the driver.
 * `null` from `directReaderFor` means "use TypeORM's `manager.query`" (same values, more work per call).
 */
export type DirectReader = (sql: string, parameters: readonly unknown[]) => Promise<RawRows>;

type PgClient = {
  query(config: { name?: string; text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: RawRows }>;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeListener(event: 'error', listener: (error: unknown) => void): unknown;
};
type PgDriver = { obtainMasterConnection(): Promise<[PgClient, (error?: unknown) => void]> };
type SqliteStatement = { all(...parameters: unknown[]): RawRows; raw(on: boolean): SqliteStatement };
type SqliteDatabase = { prepare(sql: string): SqliteStatement };

/**
 * The reader for the session lookup, the one statement every authenticated request runs.
 *
 * Why bypass TypeORM here: `manager.query` builds a query runner per call, broadcasts before/after events,
 * and sends the text to be parsed and planned again each time. On PostgreSQL the reader uses a named prepared
 * statement (parsed once per pooled connection, then only bound); on better-sqlite3 it prepares the statement
 * once. Rows come back as arrays, which both drivers build faster than objects keyed by column alias. Both
 * run on the pool and connection TypeORM opened, so timeouts, the closing of timed-out pg connections
 * (statement-timeout.ts) and error translation are the same as for every other query.
 *
 * TypeORM's path is kept where it does something the app asked for: query logging (any `logging` option, a
 * logger instance, `maxQueryExecutionTime`) and subscribers that listen to queries; and for the asynchronous
 * `sqlite3` driver and MySQL, where nothing was measured to need more. The DataSource is read when the adapter
 * is built: a subscriber added to it later does not see the lookups.
 * @example
 * const read = directReaderFor(dataSource, 'postgres');
 * const rows = read ? await read(sql, [digest]) : await manager.query(sql, [digest]);
 */
export function directReaderFor(dataSource: DataSource, dialect: Dialect): DirectReader | null {
  const { logging, logger, maxQueryExecutionTime } = dataSource.options as { logging?: unknown; logger?: unknown; maxQueryExecutionTime?: number };
  // A logger instance of the app's own is handed every query, whatever `logging` says.
  const logsQueries = Boolean(logging) || typeof logger === 'object' || Boolean(maxQueryExecutionTime);
  if (logsQueries || dataSource.subscribers.some(listensToQueries)) return null;
  if (dialect === 'postgres') return postgresReader(dataSource.driver as unknown as PgDriver);
  if (dataSource.options.type === 'better-sqlite3') return betterSqliteReader(dataSource);
  return null;
}

/**
 * SQLSTATEs after which the statement is sent again, unnamed, on another connection:
 * - 26000 (no such prepared statement): the server connection never saw it, as behind a pooler in transaction
 *   mode (PgBouncer) that moves a client between server connections, or after a `DEALLOCATE`. Naming
 *   statements cannot work there, so the reader stops doing it.
 * - 0A000 ("cached plan must not change result type"): a migration changed the type of a selected column
 *   while the app ran. The connection's statement is stale; a fresh connection prepares the new shape.
 */
const STATEMENT_UNKNOWN = '26000';
const PLAN_OUTDATED = '0A000';

function postgresReader(driver: PgDriver): DirectReader {
  const names = new Map<string, string>();
  let prepare = true;
  const nameOf = (sql: string): string => {
    let name = names.get(sql);
    // pg refuses one name for two texts on a connection: the name is derived from the text.
    if (!name) names.set(sql, (name = `bae_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`));
    return name;
  };
  return async (sql, parameters) => {
    try {
      return await queryPooled(driver, sql, parameters, prepare ? nameOf(sql) : undefined);
    } catch (error) {
      const code = driverErrorOf(error).code;
      if (code !== STATEMENT_UNKNOWN && code !== PLAN_OUTDATED) throw error;
      if (code === STATEMENT_UNKNOWN) prepare = false;
      return queryPooled(driver, sql, parameters, undefined);
    }
  };
}

/** One statement on a connection borrowed from TypeORM's pool (named: prepared once per connection). */
async function queryPooled(driver: PgDriver, sql: string, parameters: readonly unknown[], name: string | undefined): Promise<RawRows> {
  const [client, release] = await driver.obtainMasterConnection();
  // A checked-out pg client reports a dropped connection as an 'error' event, which would crash the process
  // without a listener (pg-pool listens only while the client is idle). A connection that dropped, or whose
  // prepared statements went stale, is handed back as broken, so the pool discards it instead of lending it again.
  let broken: unknown;
  const onError = (error: unknown) => (broken = error);
  client.on('error', onError);
  try {
    return (await client.query({ name, text: sql, values: parameters as unknown[], rowMode: 'array' })).rows;
  } catch (error) {
    const driverError = driverErrorOf(error);
    if (isUnavailable(driverError) || driverError.code === STATEMENT_UNKNOWN || driverError.code === PLAN_OUTDATED) broken ??= error;
    throw error;
  } finally {
    client.removeListener('error', onError);
    release(broken);
  }
}

function betterSqliteReader(dataSource: DataSource): DirectReader {
  // Statements belong to a connection: a DataSource destroyed and initialised again gets new ones.
  const prepared = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();
  return async (sql, parameters) => {
    const database = (dataSource.driver as unknown as { databaseConnection?: SqliteDatabase }).databaseConnection;
    if (!database) throw new Error('DataSource is not initialized'); // translated to DatabaseUnavailableError
    let statements = prepared.get(database);
    if (!statements) prepared.set(database, (statements = new Map()));
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = database.prepare(sql).raw(true)));
    return statement.all(...parameters);
  };
}

function listensToQueries(subscriber: object): boolean {
  return 'beforeQuery' in subscriber || 'afterQuery' in subscriber;
}
