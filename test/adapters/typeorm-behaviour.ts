// What the TypeORM adapter promises beyond the conformance suite, declared once and run on every dialect by
// typeorm-sqlite/postgres/mariadb.test.ts. Tables are created the way an app creates them: the shipped
// migrations, then the app's own migration adding its custom columns, in the file's own schema or database;
// every test clears them afterwards.
import { Column, Entity, type DataSource, type Logger } from 'typeorm';
import { describeAdapterConformance, CONFORMANCE_ENTITIES, CONFORMANCE_RECORDS } from 'better-auth-entities/testing';
import { Account, AuthUser, BaseUser, Invitation, Member, Organization, Session, Verification } from 'better-auth-entities/entities';
import { DatabaseUnavailableError, EntityNotRegisteredError, MissingTableError, TypeOrmAdapter, UniqueConstraintError } from '../../adapters/typeorm';
import { parseConnectionUrl } from '../../adapters/typeorm/connection-url';
import { runMigrations } from '../../migrations';
import { createDataSource } from '../../adapters/typeorm/data-source-factory';
import { resolvePoolConfig, type DriverType } from '../../adapters/typeorm/pool-config';

/** A user with custom columns: `plan` has a database default and no `@AuthDefault`, so only SQL can fill it. */
@Entity('users', { synchronize: false })
@AuthUser()
export class BillingUser extends BaseUser {
  @Column({ type: 'varchar', length: 32, default: 'free' }) plan!: string;
  @Column({ name: 'stripe_customer_id', type: 'varchar', length: 64, nullable: true }) stripeCustomerId!: string | null;
}

/** A user class whose table nobody created: what an app that skipped its migrations has. */
@Entity('never_migrated_users')
@AuthUser()
class UnmigratedUser extends BaseUser {}

/** Tagged for auth, but TypeORM was never told it is an entity. */
@AuthUser()
class UndecoratedUser extends BaseUser {}

const BUILT_INS = [Session, Account, Verification, Organization, Member, Invitation];
export const BEHAVIOUR_ENTITIES = [BillingUser, ...BUILT_INS];

/** A TypeORM logger that only records the statements a DataSource sends. */
export class QueryLog implements Logger {
  readonly queries: string[] = [];
  logQuery(query: string): void {
    this.queries.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** The app's own migration: its custom user columns, after the shipped ones (same SQL on every dialect). */
export const BILLING_COLUMNS = [
  "ALTER TABLE users ADD COLUMN plan VARCHAR(32) NOT NULL DEFAULT 'free'",
  'ALTER TABLE users ADD COLUMN stripe_customer_id VARCHAR(64)',
];

/** Creates the tables an app has: the shipped migrations, plus the custom user columns when `billing`. */
export async function migrateLikeAnApp(target: DataSource | { dataSource: DataSource }, options: { billing?: boolean } = {}): Promise<void> {
  await runMigrations(target);
  const dataSource = 'dataSource' in target ? target.dataSource : target;
  if (options.billing) for (const statement of BILLING_COLUMNS) await dataSource.query(statement);
}

/** A DataSource as an app would build it for `url` (same driver choice as the adapter), not yet initialised. */
export function appDataSource(url: string, entities: Function[], logger?: Logger): DataSource {
  return createDataSource(parseConnectionUrl(url), resolvePoolConfig(), entities, logger ? { logger } : {});
}

/** Deletes every row of the entities' tables. */
export async function clearTables(dataSource: DataSource, entities: Function[]): Promise<void> {
  for (const entity of entities) await dataSource.createQueryBuilder().delete().from(entity).execute();
}

/**
 * The conformance suite on `url()`: one connected adapter creates the conformance tables; each test gets an
 * adapter over its DataSource (`fromDataSource`) and the rows are cleared after it.
 */
export function describeTypeOrmConformance(name: string, url: () => string, drivers?: readonly DriverType[]): void {
  describe(name, () => {
    let dataSource: DataSource | undefined;
    beforeAll(async () => {
      if (drivers) {
        // One driver forced (sqlite3 where better-sqlite3 would be preferred): the DataSource an app would get without the other.
        dataSource = createDataSource({ ...parseConnectionUrl(url()), drivers }, resolvePoolConfig(), [...Object.values(CONFORMANCE_ENTITIES), ...CONFORMANCE_RECORDS]);
        await dataSource.initialize();
      } else {
        // The record classes join the DataSource, so synchronize creates their tables too.
        dataSource = (await TypeOrmAdapter.connect(url(), { ...CONFORMANCE_ENTITIES, records: CONFORMANCE_RECORDS })).dataSource;
      }
      await dataSource.synchronize();
    });
    afterAll(() => dataSource?.destroy());
    describeAdapterConformance(name, () => TypeOrmAdapter.fromDataSource(dataSource!, CONFORMANCE_ENTITIES), {
      cleanup: () => clearTables(dataSource!, [...Object.values(CONFORMANCE_ENTITIES), ...CONFORMANCE_RECORDS]),
    });
  });
}

const inAnHour = () => new Date(Date.now() + 3_600_000);

/** The adapter-specific behaviour on `url()`, a schema or database of the test file's own. */
export function describeTypeOrmBehaviour(name: string, url: () => string): void {
  describe(`${name}: TypeOrmAdapter`, () => {
    const log = new QueryLog();
    let app: DataSource;
    let db: TypeOrmAdapter<BillingUser>;

    beforeAll(async () => {
      app = appDataSource(url(), BEHAVIOUR_ENTITIES, log);
      await app.initialize();
      await migrateLikeAnApp(app, { billing: true });
      db = TypeOrmAdapter.fromDataSource(app, { user: BillingUser });
    });
    afterEach(() => clearTables(app, BEHAVIOUR_ENTITIES));
    afterAll(() => app?.destroy());

    test('a custom column the create leaves out gets its database default, and the returned entity shows it', async () => {
      const user = await db.createUser({ email: 'ada@example.com' });
      expect(user).toBeInstanceOf(BillingUser);
      expect(user).toMatchObject({ plan: 'free', stripeCustomerId: null });
      expect((await db.getUserById(user.id))?.plan).toBe('free');
    });

    test('custom columns round-trip through create, update and the joined session read with no extra code', async () => {
      const user = await db.createUser({ email: 'grace@example.com', plan: 'pro', stripeCustomerId: 'cus_123' });
      expect(user).toMatchObject({ plan: 'pro', stripeCustomerId: 'cus_123' });
      expect(await db.updateUser(user.id, { plan: 'team' })).toMatchObject({ plan: 'team', stripeCustomerId: 'cus_123' });
      await db.createSession({ token: 'digest', userId: user.id, expiresAt: inAnHour() });
      expect((await db.getSessionWithUser('digest'))?.user).toMatchObject({ plan: 'team', stripeCustomerId: 'cus_123' });
    });

    test('getSessionWithUser reads the session and its user in exactly one SQL statement, a join', async () => {
      const user = await db.createUser({ email: 'joined@example.com' });
      await db.createSession({ token: 'one-query', userId: user.id, expiresAt: inAnHour() });
      const before = log.queries.length;
      const found = await db.getSessionWithUser('one-query');
      const sent = log.queries.slice(before);
      expect(found?.user.id).toBe(user.id);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/INNER JOIN/);
    });

    test('without a query logger the session lookup bypasses TypeORM\'s query runner (PostgreSQL, better-sqlite3) and reads the same entities', async () => {
      const fast = await TypeOrmAdapter.connect(url(), { user: BillingUser }); // no logger: nothing listens to queries
      try {
        const banExpires = new Date('2031-05-06T07:08:09.123Z');
        const user = await db.createUser({ email: 'direct@example.com', name: 'Direct', plan: 'pro', banExpires, metadata: { seats: 3, tags: ['a'] } });
        await db.createSession({ token: 'direct-digest', userId: user.id, expiresAt: inAnHour(), ipAddress: '10.0.0.1' });
        const runners = jest.spyOn(fast.dataSource, 'createQueryRunner');
        try {
          const direct = await fast.getSessionWithUser('direct-digest');
          // MySQL and the asynchronous sqlite3 driver keep TypeORM's path: nothing was measured to need more.
          const bypasses = fast.dataSource.options.type === 'postgres' || fast.dataSource.options.type === 'better-sqlite3';
          expect(runners).toHaveBeenCalledTimes(bypasses ? 0 : 1);
          const viaQueryRunner = await db.getSessionWithUser('direct-digest'); // `db` has a query logger
          expect(direct).toEqual(viaQueryRunner);
          expect(direct?.user).toBeInstanceOf(BillingUser);
          expect(direct?.user).toMatchObject({ email: 'direct@example.com', plan: 'pro', stripeCustomerId: null, emailVerified: false, metadata: { seats: 3, tags: ['a'] } });
          expect(direct?.user.banExpires?.toISOString()).toBe(banExpires.toISOString());
          expect(direct?.session).toMatchObject({ userId: user.id, ipAddress: '10.0.0.1', userAgent: null });
          expect(await fast.getSessionWithUser('no-such-digest')).toBeNull();
          // Inside a transaction the lookup runs on the transaction's connection, through its query runner.
          runners.mockClear();
          expect(await fast.transaction((tx) => tx.getSessionWithUser('direct-digest'))).toEqual(direct);
          expect(runners).toHaveBeenCalled();
        } finally {
          runners.mockRestore();
        }
      } finally {
        await fast.close();
      }
    });

    test('fromDataSource runs every query on the app\'s DataSource, and close() leaves that DataSource open', async () => {
      const shared = TypeOrmAdapter.fromDataSource(app, { user: BillingUser });
      expect(shared.dataSource).toBe(app);
      const before = log.queries.length;
      const user = await shared.createUser({ email: 'shared@example.com' });
      expect(log.queries.length).toBeGreaterThan(before);
      // The app reads what the adapter wrote through its own repository, and the other way round.
      expect(await app.getRepository(BillingUser).findOneBy({ id: user.id })).toMatchObject({ email: 'shared@example.com' });
      await app.getRepository(BillingUser).update({ id: user.id }, { plan: 'enterprise' });
      await shared.close();
      expect(app.isInitialized).toBe(true);
      expect((await db.getUserByEmail('SHARED@example.com'))?.plan).toBe('enterprise');
    });

    test('dates keep their milliseconds through create, update and read', async () => {
      const createdAt = new Date('2020-01-02T03:04:05.678Z');
      const expiresAt = new Date('2031-05-06T07:08:09.123Z');
      const user = await db.createUser({ email: 'dates@example.com', createdAt, banExpires: expiresAt });
      expect(user.createdAt.toISOString()).toBe(createdAt.toISOString());
      expect((await db.getUserById(user.id))?.banExpires?.toISOString()).toBe(expiresAt.toISOString());
      const later = new Date('2032-01-01T00:00:00.999Z');
      await db.createVerification({ identifier: 'ms', value: 'v', expiresAt: later });
      expect((await db.getVerificationByIdentifier('ms'))?.expiresAt.toISOString()).toBe(later.toISOString());
      // Expiry compares at millisecond precision too: one millisecond before is live, the instant itself is not.
      expect(await db.deleteExpiredVerifications(new Date(later.getTime() - 1))).toBe(0);
      expect(await db.deleteExpiredVerifications(later)).toBe(1);
    });

    test('of 20 concurrent consumers on two separate connection pools exactly one gets the verification', async () => {
      const other = await TypeOrmAdapter.connect(url(), { user: BillingUser });
      try {
        await db.createVerification({ identifier: 'magic', value: 'once', expiresAt: inAnHour() });
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? db : other).consumeVerification('magic')));
        expect(results.filter((result) => result !== null)).toHaveLength(1);
        expect(await db.getVerificationByIdentifier('magic')).toBeNull();
      } finally {
        await other.close();
      }
    });

    test('of concurrent createUser calls with one email on two separate pools exactly one succeeds', async () => {
      const other = await TypeOrmAdapter.connect(url(), { user: BillingUser });
      try {
        const attempts = Array.from({ length: 10 }, (_, i) => (i % 2 ? db : other).createUser({ email: i % 3 ? 'Race@Example.com' : 'race@example.com' }));
        const results = await Promise.allSettled(attempts);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        for (const result of results) {
          if (result.status === 'rejected') expect(result.reason).toEqual(new UniqueConstraintError('user', ['email']));
        }
        expect((await db.listUsers()).total).toBe(1);
      } finally {
        await other.close();
      }
    });

    test('a nested transaction is a savepoint: an inner failure the outer callback catches undoes only the inner writes', async () => {
      await db.createUser({ email: 'taken@example.com' });
      await db.transaction(async (tx) => {
        await tx.createUser({ email: 'outer@example.com' });
        const inner = tx.transaction(async (nested) => {
          await nested.createUser({ email: 'inner@example.com' });
          await nested.createUser({ email: 'TAKEN@example.com' }); // a unique violation: PostgreSQL aborts up to the savepoint
        });
        await expect(inner).rejects.toEqual(new UniqueConstraintError('user', ['email']));
        await tx.createUser({ email: 'after@example.com' });
      });
      const emails = (await db.listUsers({ sortBy: 'email' })).users.map((user) => user.email);
      expect(emails).toEqual(['after@example.com', 'outer@example.com', 'taken@example.com']);
    });

    test('the tables carry an index for every lookup the engine makes', async () => {
      const runner = app.createQueryRunner();
      try {
        const expected: Array<[table: string, columns: string[], unique: boolean]> = [
          ['users', ['email'], true],
          ['users', ['username'], true],
          ['sessions', ['token'], true],
          ['sessions', ['user_id'], false],
          ['accounts', ['provider_id', 'account_id'], true],
          ['accounts', ['user_id'], false],
          ['verifications', ['identifier'], false],
          ['organization', ['slug'], true],
          ['member', ['organization_id', 'user_id'], true],
          ['member', ['user_id'], false],
          ['invitation', ['organization_id'], false],
          ['invitation', ['email'], false],
        ];
        for (const [name, columns, unique] of expected) {
          const table = (await runner.getTable(name))!;
          const keys = [
            ...table.indices.map((index) => ({ columns: [...index.columnNames].sort(), unique: Boolean(index.isUnique) })),
            ...table.uniques.map((constraint) => ({ columns: [...constraint.columnNames].sort(), unique: true })),
          ];
          // Some drivers report a key's columns sorted by name, so the order is not compared.
          expect(keys).toContainEqual({ columns: [...columns].sort(), unique });
        }
      } finally {
        await runner.release();
      }
    });

    test('queries after the connection pool is gone fail with DatabaseUnavailableError', async () => {
      const closed = await TypeOrmAdapter.connect(url(), { user: BillingUser });
      await closed.close();
      await expect(closed.getUserById('anyone')).rejects.toThrow(DatabaseUnavailableError);
      await expect(closed.getSessionWithUser('any-digest')).rejects.toThrow(DatabaseUnavailableError);
      await expect(closed.createUser({ email: 'late@example.com' })).rejects.toThrow(DatabaseUnavailableError);
      await expect(closed.transaction((tx) => tx.getUserById('anyone'))).rejects.toThrow(DatabaseUnavailableError);
    });

    test('fromDataSource refuses a DataSource that is not initialised yet', () => {
      expect(() => TypeOrmAdapter.fromDataSource(appDataSource(url(), BEHAVIOUR_ENTITIES), { user: BillingUser })).toThrow(
        /needs an initialised DataSource: `await dataSource.initialize\(\)` first/,
      );
    });

    test('a class the DataSource does not list is refused when the adapter is built, naming it and the fix', async () => {
      const partial = appDataSource(url(), BUILT_INS);
      await partial.initialize();
      try {
        expect(() => TypeOrmAdapter.fromDataSource(partial, { user: BillingUser })).toThrow(EntityNotRegisteredError);
        expect(() => TypeOrmAdapter.fromDataSource(partial, { user: BillingUser })).toThrow(/BillingUser is not an entity of this DataSource; add it to `entities`/);
      } finally {
        await partial.destroy();
      }
    });

    test('a class without @Entity is refused by connect(), naming it and the decorator to add', async () => {
      const attempt = TypeOrmAdapter.connect(url(), { user: UndecoratedUser });
      await expect(attempt).rejects.toThrow(EntityNotRegisteredError);
      await expect(TypeOrmAdapter.connect(url(), { user: UndecoratedUser })).rejects.toThrow(/UndecoratedUser has no TypeORM @Entity/);
    });

    test('a query on a table nobody created says to run the migrations, naming the table and the class', async () => {
      const unmigrated = await TypeOrmAdapter.connect(url(), { user: UnmigratedUser });
      try {
        const failure = await unmigrated.getUserByEmail('ada@example.com').catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(MissingTableError);
        expect((failure as Error).message).toMatch(/never_migrated_users.*UnmigratedUser.*Run migrations: .*runMigrations.*better-auth-entities\/migrations/);
        await expect(unmigrated.createUser({ email: 'ada@example.com' })).rejects.toThrow(MissingTableError);
      } finally {
        await unmigrated.close();
      }
    });
  });
}
