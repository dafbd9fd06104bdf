import { DefaultNamingStrategy, type DataSource } from 'typeorm';
import { Account, Invitation, Member, Organization, Session, User, Verification } from 'better-auth-entities/entities';
import { MigrationError, runMigrations, VERSION_TABLE } from '../../migrations';
import { mysqlDatabase, postgresDatabase, sqliteDatabase, type MigrationDatabase } from './harness';

const VERSIONS = ['001_initial', '002_organization', '003_two_factor', '004_account_failures', '005_passkey', '006_jwks', '007_api_key', '008_anonymous', '009_teams', '010_organization_role'];
const TABLES = ['account_failures', 'accounts', 'api_key', VERSION_TABLE, 'invitation', 'jwks', 'member', 'organization', 'organization_role', 'passkey', 'sessions', 'team', 'team_member', 'two_factor', 'users', 'verifications'];

// The shipped files use TypeORM's default names for the built-in entity classes, so the expectations are derived
// from its naming strategy. MySQL keeps unique keys as indexes, which TypeORM names IDX_ rather than UQ_.
const naming = new DefaultNamingStrategy();
const SINGLE_UNIQUES: [string, string][] = [['users', 'email'], ['users', 'username'], ['sessions', 'token'], ['organization', 'slug'], ['account_failures', 'key'], ['passkey', 'credential_id'], ['api_key', 'key']];
const COMPOSITE_UNIQUES: [string, string[]][] = [['accounts', ['provider_id', 'account_id']], ['member', ['organization_id', 'user_id']], ['organization_role', ['organization_id', 'role']], ['team_member', ['team_id', 'user_id']]];
const INDEXED: [string, string][] = [
  ['sessions', 'user_id'],
  ['accounts', 'user_id'],
  ['verifications', 'identifier'],
  ['member', 'user_id'],
  ['invitation', 'organization_id'],
  ['invitation', 'email'],
  ['invitation', 'inviter_id'],
  ['two_factor', 'user_id'],
  ['passkey', 'user_id'],
  ['api_key', 'reference_id'],
  ['team', 'organization_id'],
  ['team_member', 'user_id'],
];
const REFERENCES: [string, string, string][] = [
  ['sessions', 'user_id', 'users'],
  ['accounts', 'user_id', 'users'],
  ['member', 'organization_id', 'organization'],
  ['member', 'user_id', 'users'],
  ['invitation', 'organization_id', 'organization'],
  ['invitation', 'inviter_id', 'users'],
  ['two_factor', 'user_id', 'users'],
  ['passkey', 'user_id', 'users'],
  ['organization_role', 'organization_id', 'organization'],
  ['api_key', 'reference_id', 'users'],
  ['team', 'organization_id', 'organization'],
  ['team_member', 'team_id', 'team'],
  ['team_member', 'user_id', 'users'],
];
const uniquesOf = (dialect: MigrationDatabase['dialect']) =>
  [
    ...SINGLE_UNIQUES.map(([t, c]) => `${dialect === 'mysql' ? naming.indexName(t, [c]) : naming.uniqueConstraintName(t, [c])} ${t}(${c})`),
    ...COMPOSITE_UNIQUES.map(([t, cs]) => `${naming.indexName(t, cs)} ${t}(${cs.join(',')})`),
  ].sort();
const INDEXES = INDEXED.map(([t, c]) => `${naming.indexName(t, [c])} ${t}(${c})`).sort();
const FOREIGN_KEYS = REFERENCES.map(([t, c, ref]) => `${naming.foreignKeyName(t, [c])} ${t}(${c}) -> ${ref}(id) ON DELETE CASCADE`).sort();
const BUILT_IN_ENTITIES = [User, Session, Account, Organization, Member, Invitation, Verification];

/** Rows in every table: what a re-run must leave alone. */
async function rowCounts(db: MigrationDatabase, ds: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await db.tables(ds)) counts[table] = Number((await ds.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return counts;
}

/** A user with a session, an account, an organization and a membership, written with column defaults left to SQL. */
async function seedRows(ds: DataSource): Promise<void> {
  await ds.query("INSERT INTO users (id, email) VALUES ('u1', 'ada@example.com')");
  await ds.query("INSERT INTO sessions (id, token, user_id, expires_at) VALUES ('s1', 'digest-1', 'u1', '2030-01-01 00:00:00')");
  await ds.query("INSERT INTO accounts (id, account_id, provider_id, user_id) VALUES ('a1', 'u1', 'credential', 'u1')");
  await ds.query("INSERT INTO organization (id, name, slug) VALUES ('o1', 'Acme', 'acme')");
  await ds.query("INSERT INTO member (id, organization_id, user_id) VALUES ('m1', 'o1', 'u1')");
}

describe.each([
  ['SQLite', async () => sqliteDatabase()],
  ['PostgreSQL', postgresDatabase],
  ['MariaDB', mysqlDatabase],
])('runMigrations on %s', (_name, makeDatabase) => {
  let db: MigrationDatabase;
  beforeEach(async () => {
    db = await makeDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  test('an empty database gets 001_initial to 010_organization_role, all recorded in the version table', async () => {
    const ds = await db.open();
    const lines: string[] = [];
    await expect(runMigrations(ds, { log: (line) => lines.push(line) })).resolves.toEqual({ applied: VERSIONS, skipped: [] });
    const rows: { version: string; applied_at: unknown }[] = await ds.query(`SELECT version, applied_at FROM ${VERSION_TABLE} ORDER BY version`);
    expect(rows.map((r) => r.version)).toEqual(VERSIONS);
    expect(rows.every((r) => r.applied_at !== null)).toBe(true);
    expect(lines).toEqual(VERSIONS.map((version) => expect.stringContaining(`applied ${version}`)));
  });

  test('the migrated schema has every table, unique constraint, index and foreign key, under TypeORM default names', async () => {
    const ds = await db.open();
    await runMigrations({ dataSource: ds });
    expect(await db.tables(ds)).toEqual(TABLES);
    expect(await db.uniques(ds)).toEqual(uniquesOf(db.dialect));
    expect(await db.indexes(ds)).toEqual(INDEXES);
    expect(await db.foreignKeys(ds)).toEqual(FOREIGN_KEYS);
  });

  test('column defaults fill omitted values, unique constraints hold and deleting a user cascades', async () => {
    const ds = await db.open();
    await runMigrations(ds);
    await seedRows(ds);
    const [user] = await ds.query("SELECT email_verified, banned, metadata, created_at FROM users WHERE id = 'u1'");
    expect(Boolean(Number(user.email_verified))).toBe(false);
    expect(typeof user.metadata === 'string' ? JSON.parse(user.metadata) : user.metadata).toEqual({});
    expect(user.created_at).not.toBeNull();
    await expect(ds.query("INSERT INTO users (id, email) VALUES ('u2', 'ada@example.com')")).rejects.toThrow();
    await expect(ds.query("INSERT INTO member (id, organization_id, user_id) VALUES ('m2', 'o1', 'u1')")).rejects.toThrow();
    await ds.query("DELETE FROM users WHERE id = 'u1'");
    expect(await rowCounts(db, ds)).toMatchObject({ users: 0, sessions: 0, accounts: 0, member: 0, organization: 1 });
  });

  test('a second run applies nothing and leaves tables, indexes and rows as they were', async () => {
    const ds = await db.open();
    await runMigrations(ds);
    await seedRows(ds);
    const before = { counts: await rowCounts(db, ds), uniques: await db.uniques(ds), indexes: await db.indexes(ds) };
    await expect(runMigrations(ds)).resolves.toEqual({ applied: [], skipped: VERSIONS });
    expect({ counts: await rowCounts(db, ds), uniques: await db.uniques(ds), indexes: await db.indexes(ds) }).toEqual(before);
    expect(before.counts).toMatchObject({ users: 1, sessions: 1, [VERSION_TABLE]: VERSIONS.length });
  });

  test('concurrent runners on separate connections apply each version exactly once', async () => {
    // PostgreSQL and MariaDB: three connections race for the database's lock. SQLite: runs on one file queue up
    // in-process (another connection's write lock has its own test below). The fourth run shares the first's DataSource.
    const [first, ...others] = await Promise.all([db.open(), db.open(), db.open()]);
    const results = await Promise.all([first, ...others, first].map((ds) => runMigrations(ds)));
    expect(results.flatMap((r) => r.applied).sort()).toEqual(VERSIONS);
    expect(results.flatMap((r) => r.skipped)).toHaveLength(3 * VERSIONS.length);
    expect((await first.query(`SELECT version FROM ${VERSION_TABLE}`)).length).toBe(VERSIONS.length);
  });

  test('a connection URL target opens its own connection and closes it', async () => {
    if (db.url === null) {
      // PostgreSQL isolates tests by schema, which a URL cannot name: prove instead that a DataSource's `schema`
      // option alone (connections on the default search_path) decides where the tables go.
      const ds = await db.open([], { pinSearchPath: false });
      await expect(runMigrations({ dataSource: ds })).resolves.toEqual({ applied: VERSIONS, skipped: [] });
      expect(await db.tables(ds)).toEqual(TABLES);
      return;
    }
    await expect(runMigrations(db.url)).resolves.toEqual({ applied: VERSIONS, skipped: [] });
    await expect(runMigrations(db.url)).resolves.toEqual({ applied: [], skipped: VERSIONS });
    expect(await db.tables(await db.open())).toEqual(TABLES);
  });

  test('a failing migration is reported with its version and statement, is not recorded, and re-runs once fixed', async () => {
    const ds = await db.open();
    await runMigrations(ds);
    // 009 and 010 reference 002's organization table, so the three go (and come back) together. 009 also adds a
    // column to the sessions table, which stays: its re-run must skip that column rather than fail.
    await ds.query(`DELETE FROM ${VERSION_TABLE} WHERE version IN ('002_organization', '009_teams', '010_organization_role')`);
    for (const table of ['organization_role', 'team_member', 'team', 'invitation', 'member', 'organization']) await ds.query(`DROP TABLE ${table}`);
    await ds.query(db.sabotage.sql);
    const failure = await runMigrations(ds).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect(failure).toMatchObject({ version: '002_organization' });
    expect((await ds.query(`SELECT version FROM ${VERSION_TABLE} ORDER BY version`)).map((r: { version: string }) => r.version)).toEqual(['001_initial', '003_two_factor', '004_account_failures', '005_passkey', '006_jwks', '007_api_key', '008_anonymous']);
    const tables = await db.tables(ds);
    for (const absent of db.sabotage.absentAfterFailure) expect(tables).not.toContain(absent);
    await ds.query(db.sabotage.sql.replace(/^CREATE TABLE (\S+).*$/, 'DROP TABLE $1'));
    await expect(runMigrations(ds)).resolves.toEqual({ applied: ['002_organization', '009_teams', '010_organization_role'], skipped: ['001_initial', '003_two_factor', '004_account_failures', '005_passkey', '006_jwks', '007_api_key', '008_anonymous'] });
    expect(await db.tables(ds)).toEqual(TABLES);
  });

  test("after migrating, TypeORM's schema sync with the built-in classes leaves the migrated tables alone", async () => {
    await runMigrations(await db.open());
    const orm = await db.open(BUILT_IN_ENTITIES);
    // The built-in classes opt out of synchronize: the migrations own the auth tables' exact types.
    expect(orm.entityMetadatas.every((metadata) => metadata.synchronize === false)).toBe(true);
    const { upQueries } = await orm.driver.createSchemaBuilder().log();
    // Listing the statements makes a failure show the exact difference between entities and shipped SQL.
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });
});

describe('runMigrations on SQLite, against another connection', () => {
  let db: MigrationDatabase;
  beforeEach(() => {
    db = sqliteDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  test("a runner waits for another connection's write transaction instead of failing, then applies everything", async () => {
    const [ds, other] = await Promise.all([db.open(), db.open()]);
    const blocker = other.createQueryRunner();
    await blocker.query('BEGIN IMMEDIATE');
    let settled = false;
    const run = runMigrations(ds).finally(() => (settled = true));
    // Longer than sqlite3's own busy timeout (1 s), so only the runner's retrying of BEGIN IMMEDIATE gets it through.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(settled).toBe(false);
    await blocker.query('COMMIT');
    await blocker.release();
    await expect(run).resolves.toEqual({ applied: VERSIONS, skipped: [] });
  });
});
