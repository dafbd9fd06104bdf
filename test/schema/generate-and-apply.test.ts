import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import { createMysqlDatabase, createPostgresSchema, type TestDatabase } from '../support/databases';
import { call, makeTestAuth, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';
import { cli, CONFIG } from './cli-harness';

const directory = mkdtempSync(join(tmpdir(), 'bae-generate-'));
let postgres: TestDatabase | undefined;
let mariadb: TestDatabase | undefined;
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  await postgres?.drop();
  await mariadb?.drop();
});

/** Splits a generated script into statements (none of ours contains a semicolon inside a literal). */
function statements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((statement) => statement.replace(/^--.*$/gm, '').trim())
    .filter(Boolean);
}

/** Sign-up, sign-in, get-session and sign-out on `database`, through the HTTP handler. */
async function expectAuthFlowsWork(database: AppDatabase): Promise<void> {
  const { auth } = makeTestAuth({ database });
  const { email, user } = await signUp(auth.handler, uniqueEmail('generated'));
  expect(user).toMatchObject({ email, plan: 'free' });
  const signIn = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
  expect(signIn.status).toBe(200);
  const session = await call(auth.handler, 'GET', '/get-session', { bearer: signIn.json.token });
  expect(session.json.user).toMatchObject({ id: user.id, email });
  expect(session.json.session).toMatchObject({ userId: user.id, deviceLabel: 'unknown device' });
  expect((await call(auth.handler, 'POST', '/sign-out', { bearer: signIn.json.token })).status).toBe(200);
  expect((await call(auth.handler, 'GET', '/get-session', { bearer: signIn.json.token })).json).toBeNull();
  // The duplicate-email rule holds through the generated unique constraint.
  const again = await database.createUser({ email: email.toUpperCase() }).catch((error: unknown) => error);
  expect((again as Error).name).toBe('UniqueConstraintError');
}

describe('generate, applied to a fresh database, gives tables the auth flows work on', () => {
  it('SQLite: the generated SQL file creates every table and sign-up, sign-in and sessions work', async () => {
    const out = join(directory, 'sqlite.sql');
    const run = await cli(['generate', '--config', CONFIG, '--dialect', 'sqlite', '--out', out]);
    expect(run).toMatchObject({ code: 0 });
    expect(run.err).toContain('users, sessions, accounts, verifications');

    const database = await TypeOrmAdapter.connect(`sqlite:${join(directory, 'generated.db')}`, appEntities);
    try {
      for (const statement of statements(readFileSync(out, 'utf8'))) await database.dataSource.query(statement);
      await expectAuthFlowsWork(database);
    } finally {
      await database.close();
    }
  });

  it('PostgreSQL: the generated SQL on stdout creates every table and sign-up, sign-in and sessions work', async () => {
    postgres = await createPostgresSchema('generate');
    const run = await cli(['generate', '--config', CONFIG, '--dialect', 'postgres']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('CREATE TABLE IF NOT EXISTS "users"');

    const database = await TypeOrmAdapter.connect(postgres.url, appEntities);
    try {
      await database.dataSource.query(run.out);
      await expectAuthFlowsWork(database);
    } finally {
      await database.close();
    }
  });

  it('MySQL/MariaDB: the generated SQL creates every table and sign-up, sign-in and sessions work', async () => {
    mariadb = await createMysqlDatabase('generate');
    const run = await cli(['generate', '--config', CONFIG, '--dialect', 'mysql']);
    expect(run.code).toBe(0);

    const database = await TypeOrmAdapter.connect(mariadb.url, appEntities);
    try {
      for (const statement of statements(run.out)) await database.dataSource.query(statement);
      await expectAuthFlowsWork(database);
    } finally {
      await database.close();
    }
  });

  it('the TypeORM migration class it writes creates the tables when TypeORM runs it, and drops them in down()', async () => {
    const out = join(directory, 'migration.ts');
    expect((await cli(['generate', '--config', CONFIG, '--dialect', 'sqlite', '--format', 'typeorm', '--out', out])).code).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(out) as Record<string, new () => { up(runner: unknown): Promise<void>; down(runner: unknown): Promise<void> }>;
    const Migration = Object.values(module)[0]!;
    const database = await TypeOrmAdapter.connect(`sqlite:${join(directory, 'typeorm-class.db')}`, appEntities);
    const runner = database.dataSource.createQueryRunner();
    try {
      await new Migration().up(runner);
      await expectAuthFlowsWork(database);
      await new Migration().down(runner);
      expect(await runner.hasTable('users')).toBe(false);
    } finally {
      await runner.release();
      await database.close();
    }
  });
});
