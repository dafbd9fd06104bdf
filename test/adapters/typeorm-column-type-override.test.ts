import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, type DataSource } from 'typeorm';
import { Account, AuthField, AuthSession, BaseSession, Invitation, Member, Organization, User, Verification } from 'better-auth-entities/entities';
import { TypeOrmAdapter } from '../../adapters/typeorm';
import { appDataSource, migrateLikeAnApp } from './typeorm-behaviour';

/*
 * What an app can do to give a standard field another column type (here: `userAgent` as varchar(512) instead of
 * the base class's text), checked on SQLite, whose PRAGMA reports the declared type as written. This file runs on
 * TypeORM 0.3 and, through jest.typeorm1.config.ts, on 1.x: the advice in entities/base/standard-column.ts rests on it.
 */

/** Redeclares the base class's property with another column type. */
@Entity('redeclared_sessions')
@AuthSession()
class RedeclaredSession extends BaseSession {
  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true }) override userAgent!: string | null;
}

/** Extends the base class but maps another property, on the same column, to the field. */
@Entity('remapped_sessions')
@AuthSession()
class RemappedSession extends BaseSession {
  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true }) @AuthField('userAgent') agent!: string | null;
}

/** Extends the base class but maps another property, on a column of another name, to a required field. */
@Entity('renamed_sessions')
@AuthSession()
class RenamedColumnSession extends BaseSession {
  @Column({ name: 'expires_on', type: 'datetime' }) @AuthField('expiresAt') expiresOn!: Date;
}

/** Written without the base class: every standard field it stores is declared here, `userAgent` as wanted. */
@Entity('own_sessions')
@AuthSession()
class OwnSession {
  @PrimaryColumn({ type: 'varchar', length: 255 }) id!: string;
  @Column({ type: 'varchar', length: 255, unique: true }) token!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 255 }) userId!: string;
  @Column({ name: 'expires_at', type: Date, precision: 6 }) expiresAt!: Date;
  @Column({ name: 'user_agent', type: 'varchar', length: 512, nullable: true }) userAgent!: string | null;
  @CreateDateColumn({ name: 'created_at', precision: 6 }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', precision: 6 }) updatedAt!: Date;
}

const BUILT_INS = [User, Account, Verification, Organization, Member, Invitation];

/** A SQLite database with the shipped tables, plus `session`'s own table made by TypeORM's synchronize. */
async function openWith(session: Function): Promise<{ dataSource: DataSource; synchronized: Promise<void> }> {
  const dataSource = await appDataSource('sqlite::memory:', [session, ...BUILT_INS]).initialize();
  await migrateLikeAnApp(dataSource);
  return { dataSource, synchronized: dataSource.synchronize() };
}

async function declaredType(dataSource: DataSource, table: string, column: string): Promise<string | undefined> {
  const columns: { name: string; type: string }[] = await dataSource.query(`SELECT name, type FROM pragma_table_info('${table}')`);
  return columns.find((candidate) => candidate.name === column)?.type.toLowerCase();
}

/**
 * The message a promise fails with, or null when it succeeds. Read as text rather than through `rejects.toThrow`:
 * better-sqlite3 makes its errors with the class of the first test file that loaded it in this worker, so in
 * another file they are not `Error`s of this realm, and jest would report them as "did not throw".
 */
async function failureOf(work: Promise<unknown>): Promise<string | null> {
  return work.then(
    () => null,
    (error: unknown) => String((error as { message?: unknown })?.message ?? error),
  );
}

const inAnHour = () => new Date(Date.now() + 3_600_000);
const longAgent = 'Mozilla/5.0 '.repeat(30);

describe('giving a standard field another column type', () => {
  const opened: DataSource[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((dataSource) => dataSource.destroy()));
  });
  const open = async (session: Function) => {
    const result = await openWith(session);
    opened.push(result.dataSource);
    return result;
  };

  test("redeclaring the property in a subclass changes nothing: TypeORM keeps the base class's column", async () => {
    const { dataSource, synchronized } = await open(RedeclaredSession);
    await synchronized;
    expect(dataSource.getMetadata(RedeclaredSession).findColumnWithPropertyName('userAgent')?.type).toBe('text');
    expect(await declaredType(dataSource, 'redeclared_sessions', 'user_agent')).toBe('text');
  });

  test("mapping another property to the field while extending the base class keeps the base class's column too", async () => {
    // Same column name: the table would have user_agent twice, and TypeORM cannot create it.
    const same = await open(RemappedSession);
    expect(await failureOf(same.synchronized)).toMatch(/duplicate column/i);

    // Another column name: the table is made, but the base class's NOT NULL expires_at is never written.
    const renamed = await open(RenamedColumnSession);
    await renamed.synchronized;
    const db = TypeOrmAdapter.fromDataSource(renamed.dataSource, { session: RenamedColumnSession });
    const user = await db.createUser({ email: 'ada@example.com' });
    expect(await failureOf(db.createSession({ token: 'digest', userId: db.models.user.read(user, 'id'), expiresAt: inAnHour() }))).toMatch(/NOT NULL/i);
  });

  test('a class written without the base class gets the column type it declares, and the adapter stores sessions in it', async () => {
    const { dataSource, synchronized } = await open(OwnSession);
    await synchronized;
    expect(await declaredType(dataSource, 'own_sessions', 'user_agent')).toBe('varchar(512)');

    const db = TypeOrmAdapter.fromDataSource(dataSource, { session: OwnSession });
    const user = await db.createUser({ email: 'ada@example.com' });
    const expiresAt = inAnHour();
    await db.createSession({ token: 'digest', userId: db.models.user.read(user, 'id'), expiresAt, userAgent: longAgent });
    const found = await db.getSessionByToken('digest');
    expect(found).toBeInstanceOf(OwnSession);
    expect(found && { userAgent: found.userAgent, expiresAt: found.expiresAt.getTime() }).toEqual({ userAgent: longAgent, expiresAt: expiresAt.getTime() });
  });
});
