import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BetterAuth, getAuthSchema, schemaSql, type AuthSchema } from 'better-auth-entities';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { configureEntities } from 'better-auth-entities/entities';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { applyMigration, planMigration } from '../../src/schema/migration-plan';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { call, PASSWORD, TEST_SECRET, ORIGIN, uniqueEmail } from '../support/test-auth';

// Configured, not written: a `people` table whose name column is `full_name`, with three added fields.
const entities = configureEntities({
  user: {
    modelName: 'people',
    fields: { name: 'full_name', emailVerified: 'is_verified' },
    additionalFields: {
      plan: { type: 'string', required: true, defaultValue: 'free', input: false },
      nickname: { type: 'string' },
      score: { type: 'number', required: true, defaultValue: 0 },
    },
  },
  session: { additionalFields: { deviceLabel: { type: 'string', fieldName: 'device' } } },
});

function authOn(database: DatabaseAdapter) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(database).plugin(new EmailPasswordPlugin()).plugin(new SessionManagementPlugin()).build();
}

/** Signs up with fields a request may and may not set, and checks what the API answers and stores. */
async function expectConfiguredFieldsWork(database: DatabaseAdapter): Promise<string> {
  const auth = authOn(database);
  const email = uniqueEmail('configured');
  const signUp = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Ada', nickname: 'countess', plan: 'enterprise', score: 99 } });
  expect(signUp.status).toBe(200);
  expect(signUp.json.user).toMatchObject({ email, name: 'Ada', nickname: 'countess', plan: 'free', score: 99 });
  const session = await call(auth.handler, 'GET', '/get-session', { bearer: signUp.json.token });
  expect(session.json.user).toMatchObject({ name: 'Ada', nickname: 'countess', plan: 'free' });
  expect(session.json.session).toHaveProperty('deviceLabel', null);
  return signUp.json.user.id as string;
}

describe('configured entities (custom names and additional fields)', () => {
  it('the schema names the configured table and columns and lists the added fields', () => {
    const schema = getAuthSchema(authOn(new MemoryDatabaseAdapter(entities)));
    const people = schema.tables[0]!;
    expect(people.name).toBe('people');
    expect(people.columns.map((column) => [column.field, column.name])).toEqual(
      expect.arrayContaining([['name', 'full_name'], ['emailVerified', 'is_verified'], ['plan', 'plan'], ['nickname', 'nickname'], ['score', 'score']]),
    );
    expect(people.columns.find((column) => column.field === 'plan')).toMatchObject({ nullable: false, defaultValue: 'free' });
    expect(schema.tables[1]!.columns.find((column) => column.field === 'deviceLabel')).toMatchObject({ name: 'device', nullable: true });
    expect(schema.tables[1]!.columns.find((column) => column.field === 'userId')?.references).toMatchObject({ table: 'people' });
  });

  it('on the memory adapter, added fields are stored and answered, and an input: false field ignores request bodies', async () => {
    await expectConfiguredFieldsWork(new MemoryDatabaseAdapter(entities));
  });

  it('a standard field name in additionalFields or an unknown field to rename is refused with the fix', () => {
    expect(() => configureEntities({ user: { additionalFields: { email: { type: 'string' } } } })).toThrow(/standard user field; rename the column with user.fields/);
    expect(() => configureEntities({ user: { fields: { nmae: 'full_name' } } })).toThrow(/no standard field "nmae"/);
  });
});

const directory = mkdtempSync(join(tmpdir(), 'bae-configured-'));
let postgres: TestDatabase | undefined;
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  await postgres?.drop();
});

const SQL_BACKENDS = [
  { name: 'SQLite', dialect: 'sqlite' as const, url: async () => `sqlite:${join(directory, 'configured.db')}` },
  { name: 'PostgreSQL', dialect: 'postgres' as const, url: async () => (postgres = await createPostgresSchema('configured')).url },
];

describe.each(SQL_BACKENDS)('configured entities on $name', ({ dialect, url }) => {
  it('tables made from the schema minus one added column are completed by migrate, and every query uses the configured names', async () => {
    const database = await TypeOrmAdapter.connect(await url(), entities);
    try {
      const full = getAuthSchema(authOn(database));
      // The database as it was before `nickname` was configured.
      const older: AuthSchema = { tables: full.tables.map((table) => ({ ...table, columns: table.columns.filter((column) => column.field !== 'nickname' || table.name !== 'people') })) };
      for (const statement of schemaSql(older, dialect).split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) {
        await database.dataSource.query(statement);
      }
      const steps = await planMigration(full, database.dataSource, dialect);
      expect(steps.map((step) => [step.kind, step.table, step.column])).toEqual([['add-column', 'people', 'nickname']]);
      await applyMigration(database.dataSource, dialect, steps);
      expect(await planMigration(full, database.dataSource, dialect)).toEqual([]);

      const id = await expectConfiguredFieldsWork(database);
      const [row] = await database.dataSource.query(`SELECT full_name, is_verified, plan, nickname, score FROM people WHERE id = '${id}'`);
      expect(row).toMatchObject({ full_name: 'Ada', plan: 'free', nickname: 'countess' });
      expect(Number(row.score)).toBe(99);
    } finally {
      await database.close();
    }
  });
});
