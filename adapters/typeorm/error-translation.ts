import { DatabaseUnavailableError, UniqueConstraintError } from '../errors';
import { MissingTableError } from './setup-errors';
import type { TableMapping } from './table-mapping';
import { isUniqueViolation, violatedFields, type DriverError } from './unique-violation';

/** Socket and driver codes that mean "the database is not there right now", whatever the dialect. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  // mysql2
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ER_CON_COUNT_ERROR', 'ER_ACCESS_DENIED_ERROR', 'ER_BAD_DB_ERROR',
  // PostgreSQL: shutting down, starting up, too many connections, bad credentials, no such database
  '57P01', '57P02', '57P03', '53300', '28000', '28P01', '3D000',
  // SQLite: another process holds the lock past the busy timeout; the file cannot be opened
  'SQLITE_BUSY', 'SQLITE_CANTOPEN',
]);

/** pg-pool's words when every connection stayed busy for `connectionTimeoutMillis` (our acquireTimeoutMs). */
const POOL_EXHAUSTED = /timeout exceeded when trying to connect/i;

/** What drivers say, without a code, when the connection or the pool is gone. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Query read timeout/i, // pg: no answer within queryTimeoutMs (the database or the network stopped answering)
  /timeout exceeded when trying to connect/i, // pg-pool: no connection free within acquireTimeoutMs
  /Cannot use a pool after calling end/i,
  /Pool is closed/i,
  /Queue limit reached/i,
  /closed state/i, // mysql2: "Can't add new command when connection is in closed state"
  /Database is closed|database connection is not open/i,
  // TypeORM once its DataSource is destroyed (or before it is initialised)
  /not (yet )?established|Driver not Connected|DataSource is not initialized/i,
];

/**
 * Turns driver errors into the contract's errors, once, for every query the adapter runs:
 * - a unique violation while writing `writing` → `UniqueConstraintError(kind, fields)`;
 * - a missing table → `MissingTableError`, naming the table, its entity class and the migrations to run;
 * - a lost or refused connection, an exhausted pool, a locked SQLite file → `DatabaseUnavailableError`
 *   (the engine answers 503), with the driver's error as `cause`.
 * Anything else is returned unchanged.
 * @example
 * try { await query(); } catch (error) { throw translator.translate(error, tables.users.map, ['email']); }
 */
export class ErrorTranslator {
  constructor(
    private readonly mappings: readonly TableMapping<object>[],
    /** `PostgreSQL at 127.0.0.1:5432`, or the DataSource's type: says which database went away. */
    private readonly database: string,
  ) {}

  translate(error: unknown, writing?: TableMapping<object>, written: readonly string[] = []): unknown {
    if (error instanceof UniqueConstraintError || error instanceof DatabaseUnavailableError || error instanceof MissingTableError) {
      return error;
    }
    const driver = driverErrorOf(error);
    if (writing && isUniqueViolation(driver)) return new UniqueConstraintError(writing.model.kind, violatedFields(driver, writing, written));
    const table = missingTable(driver);
    if (table) return new MissingTableError(table, this.entityOf(table), { cause: error });
    if (isUnavailable(driver)) {
      const reason = driver.code ?? driver.message ?? String(error);
      const advice = POOL_EXHAUSTED.test(driver.message ?? '')
        ? 'no pooled connection became free in time: raise PoolConfig.maxConnections or acquireTimeoutMs, or look for long transactions'
        : 'check that it is running and reachable';
      return new DatabaseUnavailableError(`${this.database} is unavailable (${reason}); ${advice}.`, { cause: error });
    }
    return error;
  }

  private entityOf(table: string): string | null {
    const bare = table.slice(table.lastIndexOf('.') + 1);
    const mapping = this.mappings.find((candidate) => candidate.metadata.tableName === bare || candidate.tablePath === table);
    return mapping ? mapping.model.className : null;
  }
}

/** TypeORM wraps a driver's error in `QueryFailedError.driverError`; connection errors arrive bare. */
export function driverErrorOf(error: unknown): DriverError {
  if (error === null || typeof error !== 'object') return { message: String(error) };
  const wrapped = (error as { driverError?: unknown }).driverError;
  return (wrapped && typeof wrapped === 'object' ? wrapped : error) as DriverError;
}

/** The table a "no such table" error names: PostgreSQL 42P01, MySQL ER_NO_SUCH_TABLE (1146), SQLite's text. */
function missingTable(error: DriverError): string | null {
  const message = error.sqlMessage ?? error.message ?? '';
  if (error.code === '42P01') return /relation "([^"]+)"/.exec(message)?.[1] ?? 'unknown';
  if (error.code === 'ER_NO_SUCH_TABLE' || error.errno === 1146) return /Table '([^']+)'/.exec(message)?.[1] ?? 'unknown';
  return /no such table: (\S+)/.exec(message)?.[1] ?? null;
}

/** Whether an error means the database cannot be reached or used right now, rather than a bad query. */
export function isUnavailable(error: DriverError): boolean {
  if (error.code && (UNAVAILABLE_CODES.has(error.code) || /^08/.test(error.code))) return true;
  const message = error.message ?? '';
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}
