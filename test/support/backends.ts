import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { openDatabase } from '../../examples/open-database';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import { createMysqlDatabase, createPostgresSchema, type TestDatabase } from './databases';
import { makeTestAuth, type TestAuthOptions } from './test-auth';

/** One storage the HTTP flows run on. */
export interface Backend {
  readonly name: string;
  /** The example's auth on this backend; SQL backends share one migrated database per file, emptied before each test. */
  makeAuth(options?: Omit<TestAuthOptions, 'user'>): ReturnType<typeof makeTestAuth> & { database: AppDatabase };
  /** The storage alone, for an auth built another way (every plugin mounted, say): a fresh memory adapter, or the file's database. */
  database(): AppDatabase;
}

// Children before parents, so foreign keys never object.
const TABLES = ['account_failures', 'api_key', 'jwks', 'sessions', 'accounts', 'verifications', 'team_member', 'team', 'member', 'invitation', 'organization_role', 'organization', 'users'];

interface SqlBackendSetup {
  name: string;
  /** Creates the file's own database and returns its URL with a clean-up. */
  create(): Promise<{ url: string; drop(): Promise<void> }>;
}

const SQL_BACKENDS: SqlBackendSetup[] = [
  {
    name: 'SQLite',
    create: async () => {
      const directory = mkdtempSync(join(tmpdir(), 'bae-http-'));
      return { url: `sqlite:${join(directory, 'auth.db')}`, drop: async () => rmSync(directory, { recursive: true, force: true }) };
    },
  },
  { name: 'PostgreSQL', create: () => fromTestDatabase(createPostgresSchema('http')) },
  { name: 'MariaDB', create: () => fromTestDatabase(createMysqlDatabase('http')) },
];

async function fromTestDatabase(pending: Promise<TestDatabase>): Promise<{ url: string; drop(): Promise<void> }> {
  const database = await pending;
  return { url: database.url, drop: () => database.drop() };
}

/**
 * Declares `body` once per backend: the memory adapter, then SQLite, PostgreSQL and MariaDB, each migrated the
 * way the example app migrates (shipped migrations plus its own columns).
 */
export function describeOnEveryBackend(title: string, body: (backend: Backend) => void): void {
  describe(`${title} (memory adapter)`, () => {
    body({
      name: 'memory',
      makeAuth: (options = {}) => makeTestAuth({ ...options, database: new MemoryDatabaseAdapter(appEntities) }),
      database: () => new MemoryDatabaseAdapter(appEntities),
    });
  });

  for (const setup of SQL_BACKENDS) {
    describe(`${title} (${setup.name})`, () => {
      let adapter: TypeOrmAdapter<any, any, any, any, any, any, any> | undefined;
      let drop: (() => Promise<void>) | undefined;

      beforeAll(async () => {
        const created = await setup.create();
        drop = created.drop;
        adapter = (await openDatabase([], { DATABASE_URL: created.url })).database as unknown as TypeOrmAdapter<any, any, any, any, any, any, any>;
      });
      beforeEach(async () => {
        for (const table of TABLES) await adapter!.dataSource.query(`DELETE FROM ${table}`);
      });
      afterAll(async () => {
        await adapter?.close();
        await drop?.();
      });

      body({
        name: setup.name,
        makeAuth: (options = {}) => makeTestAuth({ ...options, database: adapter as unknown as AppDatabase }),
        database: () => adapter as unknown as AppDatabase,
      });
    });
  }
}
