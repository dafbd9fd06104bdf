import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MaxLength } from 'class-validator';
import { BetterAuth, getAuthSchema } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { Account, AuthUser, BaseUser, Session, Verification } from 'better-auth-entities/entities';
import { runMigrations } from 'better-auth-entities/migrations';
import { AdminPlugin, EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { Column, Entity } from 'typeorm';
import { applyMigration, planMigration } from '../../src/schema/migration-plan';
import { createMysqlDatabase, createPostgresSchema } from '../support/databases';
import { call, ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/** A user with the admin fields (from BaseUser) and typed nullable custom fields, one with a class-validator rule. */
@Entity('users', { synchronize: false })
@AuthUser()
class MemberUser extends BaseUser {
  @Column({ type: 'varchar', length: 40, nullable: true }) @MaxLength(12) nickname!: string | null;
  @Column({ type: 'int', nullable: true }) age!: number | null;
  @Column({ type: Date, precision: 6, nullable: true }) birthday!: Date | null;
}
const entities = { user: MemberUser, session: Session, account: Account, verification: Verification };
type Database = MemoryDatabaseAdapter<any, any, any, any, any, any, any> | TypeOrmAdapter<any, any, any, any, any, any, any>;

function authOn(database: Database) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
    .database(database as never)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new AdminPlugin())
    .build();
}

/** A SQL database with the shipped tables, then this class's own columns added by the library's migrate. */
async function sqlDatabase(url: string, dialect: 'sqlite' | 'postgres' | 'mysql'): Promise<Database> {
  const database = await TypeOrmAdapter.connect(url, entities);
  await runMigrations(database);
  const schema = getAuthSchema(authOn(database));
  await applyMigration(database.dataSource, dialect, await planMigration(schema, database.dataSource, dialect));
  return database;
}

const BACKENDS: Array<[string, () => Promise<{ database: Database; drop(): Promise<void> }>]> = [
  ['memory', async () => ({ database: new MemoryDatabaseAdapter(entities), drop: async () => undefined })],
  [
    'SQLite',
    async () => {
      const directory = mkdtempSync(join(tmpdir(), 'bae-admin-typed-'));
      const database = await sqlDatabase(`sqlite:${join(directory, 'auth.db')}`, 'sqlite');
      return { database, drop: async () => rmSync(directory, { recursive: true, force: true }) };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = await createPostgresSchema('admintyped');
      return { database: await sqlDatabase(schema.url, 'postgres'), drop: () => schema.drop() };
    },
  ],
  [
    'MariaDB',
    async () => {
      const created = await createMysqlDatabase('admintyped');
      return { database: await sqlDatabase(created.url, 'mysql'), drop: () => created.drop() };
    },
  ],
];

describe.each(BACKENDS)('admin writes and filters on typed custom fields (%s)', (_name, open) => {
  let database: Database;
  let drop: () => Promise<void>;
  let auth: ReturnType<typeof authOn>;
  let adminCookie: string;
  beforeAll(async () => {
    ({ database, drop } = await open());
    auth = authOn(database);
    const signUp = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail('admin'), password: PASSWORD, name: 'Admin' } });
    await database.updateUser(signUp.json.user.id, { role: 'admin' });
    adminCookie = signUp.cookie!;
  });
  afterAll(async () => {
    await (database as { close?: () => Promise<void> }).close?.();
    await drop();
  });
  const admin = (path: string, body: Record<string, unknown>) => call(auth.handler, 'POST', path, { cookie: adminCookie, body });

  it.each([
    ['a fraction for the int age', { age: 1.5 }],
    ['a number beyond the int range', { age: 99_999_999_999 }],
    ['text that is no date', { birthday: 'not a date' }],
    ['a nickname longer than the class’s @MaxLength(12)', { nickname: 'n'.repeat(13) }],
  ])('create-user refuses %s with 400 VALIDATION_ERROR and creates no user', async (_case, data) => {
    const email = uniqueEmail('created');
    const result = await admin('/admin/create-user', { email, password: PASSWORD, name: 'C', data });
    expect([result.status, result.json.code, result.json.details?.[0]?.field]).toEqual([400, 'VALIDATION_ERROR', Object.keys(data)[0]]);
    expect(await database.getUserByEmail(email)).toBeNull();
  });

  it('update-user refuses an invalid date and keeps the stored birthday; list-users filters the int field as a number', async () => {
    const birthday = '1990-05-17T10:00:00.000Z';
    const created = await admin('/admin/create-user', { email: uniqueEmail('aged'), password: PASSWORD, name: 'Aged', data: { nickname: 'aged', age: 41, birthday } });
    expect([created.status, created.json.user.age, created.json.user.birthday]).toEqual([200, 41, birthday]);
    const userId = created.json.user.id;
    const refused = await admin('/admin/update-user', { userId, data: { birthday: 'soon' } });
    expect([refused.status, refused.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    expect(((await database.getUserById(userId)) as MemberUser).birthday).toEqual(new Date(birthday));

    const found = await call(auth.handler, 'GET', '/admin/list-users?filterField=age&filterValue=41&filterOperator=eq', { cookie: adminCookie });
    expect([found.status, found.json.users.map((user: { id: string }) => user.id)]).toEqual([200, [userId]]);
    const bad = await call(auth.handler, 'GET', '/admin/list-users?filterField=age&filterValue=old&filterOperator=eq', { cookie: adminCookie });
    expect([bad.status, bad.json.code]).toEqual([400, 'VALIDATION_ERROR']);
  });
});
