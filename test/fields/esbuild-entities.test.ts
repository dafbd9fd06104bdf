import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthError } from 'better-auth-entities';
import type { AppDatabase } from '../../examples/create-auth';
import { AppUser } from '../../examples/entities';
import { createMysqlDatabase, createPostgresSchema, type TestDatabase } from '../support/databases';
import { call, makeTestAuth, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';
import { buildExampleWithEsbuild, type EsbuildApp } from './esbuild-app';

/*
 * The example's entities compiled by esbuild carry no decorator metadata: every type the engine and TypeORM
 * need comes from the typed columns. The checks of a TypeScript build hold all the same.
 */
const app: EsbuildApp = buildExampleWithEsbuild();

describe('the example built by esbuild', () => {
  it('has no design:type metadata on its classes, where the TypeScript build of the same class has it', () => {
    const reflect = Reflect as unknown as { getMetadata(key: string, target: object, property: string): unknown };
    expect(reflect.getMetadata('design:type', AppUser.prototype, 'plan')).toBe(String);
    for (const property of ['nickname', 'age', 'birthday', 'plan', 'emailVerified']) {
      expect([property, reflect.getMetadata('design:type', app.appEntities.user.prototype, property)]).toEqual([property, undefined]);
    }
  });
});

/** The memory adapter, a SQLite file, a PostgreSQL schema and a MariaDB database, each opened by the esbuild-built example. */
const BACKENDS: Array<[string, () => Promise<{ url?: string; drop(): Promise<void> }>]> = [
  ['the memory adapter', async () => ({ drop: async () => undefined })],
  [
    'SQLite',
    async () => {
      const directory = mkdtempSync(join(tmpdir(), 'bae-esbuild-db-'));
      return { url: `sqlite:${join(directory, 'auth.db')}`, drop: async () => rmSync(directory, { recursive: true, force: true }) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const database: TestDatabase = await createPostgresSchema('esbuild');
      return { url: database.url, drop: () => database.drop() };
    },
  ],
  [
    'MariaDB',
    async () => {
      const database: TestDatabase = await createMysqlDatabase('esbuild');
      return { url: database.url, drop: () => database.drop() };
    },
  ],
];

describe.each(BACKENDS)('the esbuild-built example on %s', (_name, create) => {
  let database: AppDatabase;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await create();
    drop = created.drop;
    const env = created.url ? { DATABASE_URL: created.url } : {};
    database = (await app.openDatabase(created.url ? [] : ['--db', 'memory'], env)).database;
  });
  afterAll(async () => {
    await (database as { close?: () => Promise<void> }).close?.();
    await drop();
  });

  it.each([
    ['a number for the string | null nickname', { nickname: 42 }],
    ['a fraction for the int age', { age: 1.5 }],
    ['text for the int age', { age: 'x' }],
    ['text that is no date for the birthday', { birthday: 'not a date' }],
    ['a nickname the class’s @Matches rule refuses', { nickname: 'a<b>' }],
  ])('sign-up refuses %s with 400 and stores no user', async (_case, extra) => {
    const { auth } = makeTestAuth({ database });
    const email = uniqueEmail('esbuild');
    const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'E', ...extra } });
    expect([result.status, result.json.code, result.json.details?.[0]?.field]).toEqual([400, 'VALIDATION_ERROR', Object.keys(extra)[0]]);
    expect(await database.getUserByEmail(email)).toBeNull();
  });

  it('sign-up stores valid values of every type and get-session answers them', async () => {
    const { auth } = makeTestAuth({ database });
    const values = { nickname: 'ada', age: 36, birthday: '1815-12-10T00:00:00.000Z', newsletter: false, preferences: { theme: 'dark' } };
    const { token } = await signUp(auth.handler, uniqueEmail(), values);
    expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).json.user).toMatchObject({ ...values, plan: 'free' });
  });

  it('auth.api.signUpEmail checks the class’s @IsIn rule on plan unless told not to validate', async () => {
    const { auth } = makeTestAuth({ database });
    const refused = auth.api.signUpEmail({ email: uniqueEmail(), password: PASSWORD, name: 'G', plan: 'gold' });
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'plan' }] });
    await expect(refused).rejects.toBeInstanceOf(AuthError);
    const pro = await auth.api.signUpEmail({ email: uniqueEmail(), password: PASSWORD, name: 'P', plan: 'pro' });
    expect(pro.user.plan).toBe('pro');
    const seeded = await auth.api.signUpEmail({ email: uniqueEmail(), password: PASSWORD, name: 'S', plan: 'legacy' }, { validate: false });
    expect(seeded.user.plan).toBe('legacy');
  });
});
