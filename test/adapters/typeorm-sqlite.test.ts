import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BetterAuth } from 'better-auth-entities';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { TypeOrmAdapter, DatabaseUnavailableError } from '../../adapters/typeorm';
import { DataSource } from 'typeorm';
import { call, PASSWORD, TEST_SECRET, ORIGIN } from '../support/test-auth';
import { BillingUser, describeTypeOrmBehaviour, describeTypeOrmConformance, migrateLikeAnApp } from './typeorm-behaviour';

const directory = mkdtempSync(join(tmpdir(), 'bae-typeorm-sqlite-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeTypeOrmConformance('TypeORM SQLite file', () => `sqlite:${join(directory, 'conformance.db')}`);
describeTypeOrmConformance('TypeORM SQLite :memory:', () => 'sqlite::memory:');
// better-sqlite3 is preferred when installed; sqlite3 (TypeORM 0.3 only) must keep working when it is the only driver.
if (typeOrmHasSqlite3Driver()) describeTypeOrmConformance('TypeORM SQLite through sqlite3', () => 'sqlite::memory:', ['sqlite']);
describeTypeOrmBehaviour('SQLite file', () => `sqlite:${join(directory, 'behaviour.db')}`);

describe('TypeOrmAdapter on SQLite', () => {
  test('connect() to a file that cannot be opened fails with DatabaseUnavailableError saying what to check', async () => {
    // TypeORM creates missing directories itself, so the unopenable path runs through a plain file.
    const blocker = join(directory, 'not-a-directory');
    writeFileSync(blocker, '');
    const path = join(blocker, 'auth.db');
    const failure = await TypeOrmAdapter.connect(`sqlite:${path}`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect((failure as Error).message).toContain(path);
    expect((failure as Error).message).toMatch(/directory exists and is writable/);
    expect(existsSync(path)).toBe(false);
  });
});

/** Resolves when `signal()` is called: lets a test hold a transaction open at a point it chooses. */
function latch(): { wait: Promise<void>; signal: () => void } {
  let signal!: () => void;
  const wait = new Promise<void>((resolve) => (signal = resolve));
  return { wait, signal };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('TypeOrmAdapter on SQLite, one shared connection', () => {
  let db: TypeOrmAdapter<BillingUser>;
  beforeEach(async () => {
    db = await TypeOrmAdapter.connect('sqlite::memory:', { user: BillingUser });
    await migrateLikeAnApp(db, { billing: true });
  });
  afterEach(() => db.close());

  test('a write by another caller while a transaction is open is not rolled back with that transaction', async () => {
    const inside = latch();
    const finish = latch();
    const doomed = db.transaction(async (tx) => {
      await tx.createUser({ email: 'doomed@example.com' });
      inside.signal();
      await finish.wait;
      throw new Error('roll back');
    });
    await inside.wait;
    const outside = db.createUser({ email: 'outside@example.com' });
    await tick();
    finish.signal();
    await expect(doomed).rejects.toThrow('roll back');
    await outside;
    expect(await db.getUserByEmail('outside@example.com')).not.toBeNull();
    expect(await db.getUserByEmail('doomed@example.com')).toBeNull();
  });

  test('two concurrent transactions commit and roll back independently', async () => {
    const inside = latch();
    const finish = latch();
    const failing = db.transaction(async (tx) => {
      await tx.createUser({ email: 'first@example.com' });
      inside.signal();
      await finish.wait;
      throw new Error('first fails');
    });
    await inside.wait;
    const committing = db.transaction((tx) => tx.createUser({ email: 'second@example.com' }));
    await tick();
    finish.signal();
    await expect(failing).rejects.toThrow('first fails');
    await expect(committing).resolves.toMatchObject({ email: 'second@example.com' });
    expect(await db.getUserByEmail('second@example.com')).not.toBeNull();
    expect(await db.getUserByEmail('first@example.com')).toBeNull();
  });

  test('a transaction callback may call the adapter it came from without waiting for itself', async () => {
    const user = await db.transaction(async (tx) => {
      const created = await tx.createUser({ email: 'nested@example.com' });
      expect((await db.getUserById(created.id))?.email).toBe('nested@example.com');
      return tx.transaction((inner) => inner.updateUser(created.id, { name: 'Inner' }));
    });
    expect(user).toMatchObject({ name: 'Inner' });
  });
});

describe('sign-up through the engine on a TypeORM SQLite database', () => {
  let db: TypeOrmAdapter;
  beforeEach(async () => {
    db = await TypeOrmAdapter.connect('sqlite::memory:');
    await migrateLikeAnApp(db);
  });
  afterEach(() => db.close());

  const logged: unknown[] = [];
  const signUp = (email: string) => {
    const logger = { error: (...details: unknown[]) => logged.push(details), warn: () => {} };
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, logger })
      .database(db)
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .build();
    return call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Ada' } });
  };

  test('writes the user and its credential account together', async () => {
    const result = await signUp('ada@example.com');
    expect(result.status).toBe(200);
    const user = await db.getUserByEmail('ada@example.com');
    expect(await db.listAccountsForUser(user!.id)).toEqual([expect.objectContaining({ providerId: 'credential', accountId: user!.id })]);
  });

  test('a failure between the user and the account leaves neither', async () => {
    // The account insert fails inside the database, after the user row was written in the same transaction.
    await db.dataSource.query(`CREATE TRIGGER refuse_accounts BEFORE INSERT ON accounts BEGIN SELECT RAISE(ABORT, 'accounts refused'); END`);
    const result = await signUp('ghost@example.com');
    expect(result.status).toBe(500);
    expect(String(logged.flat())).toMatch(/accounts refused/);
    expect(await db.getUserByEmail('ghost@example.com')).toBeNull();
    expect((await db.listUsers()).total).toBe(0);
  });
});

/** True where the installed TypeORM has the `sqlite3` driver (0.3) and the package is installed. */
function typeOrmHasSqlite3Driver(): boolean {
  try {
    new DataSource({ type: 'sqlite', database: ':memory:' });
    return true;
  } catch {
    return false;
  }
}
