import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createPostgresSchema, withPostgres, type TestDatabase } from '../support/databases';

/*
 * A database better-auth 1.7 made and filled (better-auth-fill.mjs), on SQLite or on a PostgreSQL schema of the
 * file's own, with what the adoption tests read of it: its schema as lines, and plain queries.
 */
const FILL = join(__dirname, 'better-auth-fill.mjs');

export const SECRET = 'the-secret-better-auth-ran-with-0123456789abcdef';

export interface Filled {
  organizationId: string;
  carolInvitationId: string;
  bobPasskeyId: string;
  totpURI: string;
  totpStep: number;
  backupCodes: string[];
  people: Record<string, { email: string; userId: string; cookie: string }>;
}

/** One backend: where better-auth's database lives, how to read its schema and its session tokens. */
export interface Backend {
  url(): string;
  schema(): Promise<string[]>;
  query(sql: string): Promise<Array<Record<string, unknown>>>;
}

export function sqliteBackend(): Backend & { setUp(): void; tearDown(): void } {
  let dir = '';
  const file = () => join(dir, 'better-auth.sqlite');
  const read = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(file(), { readonly: true });
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    setUp: () => void (dir = mkdtempSync(join(tmpdir(), 'adopt-'))),
    tearDown: () => rmSync(dir, { recursive: true, force: true }),
    url: () => `sqlite://${file()}`,
    schema: async () => read((db) => (db.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS line FROM sqlite_master ORDER BY name").all() as Array<{ line: string }>).map((row) => row.line)),
    query: async (sql) => read((db) => db.prepare(sql).all() as Array<Record<string, unknown>>),
  };
}

export function postgresBackend(): Backend & { setUp(): Promise<void>; tearDown(): Promise<void> } {
  let database: TestDatabase;
  return {
    setUp: async () => void (database = await createPostgresSchema('adopt')),
    tearDown: () => database.drop(),
    url: () => database.url,
    schema: () =>
      withPostgres(async (client) => {
        const columns = await client.query(
          "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line FROM information_schema.columns WHERE table_schema = $1 ORDER BY 1",
          [database.name],
        );
        const indexes = await client.query('SELECT indexdef AS line FROM pg_indexes WHERE schemaname = $1 ORDER BY 1', [database.name]);
        return [...columns.rows, ...indexes.rows].map((row: { line: string }) => row.line);
      }),
    query: (sql) => withPostgres(async (client) => (await client.query(`SET search_path TO "${database.name}"; ${sql}`) as unknown as Array<{ rows: Array<Record<string, unknown>> }>)[1]!.rows),
  };
}

export function runFill(target: string): Promise<Filled> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [FILL, target, SECRET], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`better-auth-fill failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as Filled);
    });
  });
}

/** The environment the adoption config (fixtures/adopt.config.ts) reads. */
export const adoptionEnv = (backend: Backend) => ({ ADOPT_DATABASE_URL: backend.url(), ADOPT_SECRET: SECRET });

/** The argument better-auth-fill.mjs takes for a backend: the SQLite file, or the PostgreSQL URL. */
export const fillTarget = (backend: Backend) => (backend.url().startsWith('sqlite://') ? backend.url().slice('sqlite://'.length) : backend.url());
