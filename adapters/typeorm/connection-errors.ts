import { DatabaseUnavailableError } from '../errors';
import type { ConnectionTarget } from './connection-url';
import { driverErrorOf } from './error-translation';

/** How to get each database running locally, for the first thing a developer reads when it is not. */
const START_HINTS: Readonly<Record<string, string>> = Object.freeze({
  PostgreSQL: 'docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16',
  MySQL: 'docker run -d -p 3306:3306 -e MYSQL_ALLOW_EMPTY_PASSWORD=yes mysql:8',
  MariaDB: 'docker run -d -p 3306:3306 -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 mariadb:11',
});

const NOT_LISTENING = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const BAD_CREDENTIALS = new Set(['28P01', '28000', 'ER_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR']);
const NO_DATABASE = new Set(['3D000', 'ER_BAD_DB_ERROR']);

/**
 * The error `TypeOrmAdapter.connect` throws when the first connection fails: a `DatabaseUnavailableError`
 * whose message names the database, host and port, what went wrong in words, and what to do about it.
 * @example
 * // DatabaseUnavailableError: cannot reach PostgreSQL at 127.0.0.1:5432 (database "app") (ECONNREFUSED).
 * // Start it (docker run -d -p 5432:5432 ...) or fix the host and port in the connection URL.
 */
export function connectionFailure(target: ConnectionTarget, error: unknown): DatabaseUnavailableError {
  const driver = driverErrorOf(error);
  const code = driver.code ?? codeOfAggregate(error);
  const product = target.description.split(' at ')[0];
  let message: string;
  if (code && NOT_LISTENING.has(code)) {
    const hint = START_HINTS[product];
    message =
      `cannot reach ${target.description} (${code}). ` +
      `Start it${hint ? ` (for a local one: ${hint})` : ''}, check it listens on ${target.host}:${target.port}, or fix the host and port in the connection URL.`;
  } else if (code && BAD_CREDENTIALS.has(code)) {
    message = `${target.description} refused the login (${code}): check the user name and password in the connection URL.`;
  } else if (code && NO_DATABASE.has(code)) {
    message = `${target.description} is running, but the database does not exist (${code}): create it (CREATE DATABASE ...) or fix its name in the connection URL.`;
  } else if (target.dialect === 'sqlite') {
    message = `cannot open ${target.description} (${code ?? driver.message}): check that its directory exists and is writable.`;
  } else {
    message = `cannot connect to ${target.description}: ${driver.message ?? String(error)}`;
  }
  return new DatabaseUnavailableError(message, { cause: error });
}

/** Node reports a refused dual-stack connect (`localhost` → ::1 and 127.0.0.1) as an AggregateError. */
function codeOfAggregate(error: unknown): string | undefined {
  const inner = (error as { errors?: Array<{ code?: string }> })?.errors;
  return Array.isArray(inner) ? inner.find((item) => item?.code)?.code : undefined;
}
