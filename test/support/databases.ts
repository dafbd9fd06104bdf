/**
 * Test databases for the SQL backends. Each test file gets a PostgreSQL schema or a MySQL/MariaDB database of
 * its own (dropped in `afterAll`), so files running in parallel never see each other's rows.
 *
 * Servers come from environment variables, with local defaults:
 *   TEST_POSTGRES_URL  postgres://postgres@127.0.0.1:5432/test   (trust auth)
 *   TEST_MYSQL_URL     mysql://root@127.0.0.1:3306/test           (root, no password; MySQL or MariaDB)
 * An unreachable server fails the file with a one-line error saying which service and how to start it:
 * these tests never skip.
 * @example
 * let db: TestDatabase;
 * beforeAll(async () => { db = await createPostgresSchema('typeorm'); });
 * afterAll(() => db.drop());
 * // db.url reaches the schema: postgres://...?options=-c%20search_path%3D<schema>
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createConnection } from 'mysql2/promise';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** A schema or database made for one test file. */
export interface TestDatabase {
  /** The schema (PostgreSQL) or database (MySQL) name. */
  readonly name: string;
  /** A connection URL whose unqualified table names land in it. */
  readonly url: string;
  /** Drops it with everything in it. */
  drop(): Promise<void>;
}

/**
 * A fresh schema on the test PostgreSQL server. `url` carries `options=-c search_path=<schema>`, which
 * node-postgres sends at connect, so any client built from it (a TypeORM DataSource included) works inside it.
 */
export async function createPostgresSchema(label: string): Promise<TestDatabase> {
  const name = uniqueName(label);
  await withPostgres((client) => client.query(`CREATE SCHEMA "${name}"`));
  const url = new URL(POSTGRES_URL);
  // Commits need not wait for the WAL to reach the disk: a test database is thrown away, and most of a test's
  // time on PostgreSQL is otherwise spent waiting for those flushes. Per connection, so the server is unchanged.
  url.searchParams.set('options', `-c search_path=${name} -c synchronous_commit=off`);
  const drop = async () => {
    await withPostgres((client) => client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`));
  };
  return { name, url: url.toString(), drop };
}

/** A fresh database on the test MySQL/MariaDB server; `url` names it. */
export async function createMysqlDatabase(label: string): Promise<TestDatabase> {
  const name = uniqueName(label);
  await withMysql((connection) => connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`));
  const url = new URL(MYSQL_URL);
  url.pathname = `/${name}`;
  const drop = async () => {
    await withMysql((connection) => connection.query(`DROP DATABASE IF EXISTS \`${name}\``));
  };
  return { name, url: url.toString(), drop };
}

/** Runs `work` on a short-lived PostgreSQL connection (as `TEST_POSTGRES_URL`'s user). */
export async function withPostgres<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw unreachable('PostgreSQL', 'TEST_POSTGRES_URL', POSTGRES_URL, error, 'docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:16');
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `work` on a short-lived MySQL/MariaDB connection (as `TEST_MYSQL_URL`'s user). */
export async function withMysql<T>(work: (connection: Awaited<ReturnType<typeof createConnection>>) => Promise<T>): Promise<T> {
  let connection: Awaited<ReturnType<typeof createConnection>>;
  try {
    connection = await createConnection({ uri: MYSQL_URL, connectTimeout: 5_000 });
  } catch (error) {
    throw unreachable('MySQL/MariaDB', 'TEST_MYSQL_URL', MYSQL_URL, error, 'docker run -d -p 3306:3306 -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 -e MARIADB_DATABASE=test mariadb:11');
  }
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

/** A port nothing listens on (the discard port), for tests of what an unreachable database looks like. */
export const CLOSED_PORT = 9;

function unreachable(service: string, variable: string, url: string, error: unknown, start: string): Error {
  const reason = (error as { code?: string }).code ?? (error as Error).message;
  const where = url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  return new Error(`${service} is not reachable at ${where} (${reason}): start it (${start}) or set ${variable}.`);
}

/** Lower-case letters, digits and underscores only: valid unquoted in both SQL dialects, and unique per run. */
function uniqueName(label: string): string {
  return `bae_${label.replace(/[^a-z0-9]/gi, '_')}_${process.pid}_${randomBytes(4).toString('hex')}`.toLowerCase();
}
