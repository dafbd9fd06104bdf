import { DatabaseUnavailableError, TypeOrmAdapter, UniqueConstraintError } from '../../adapters/typeorm';
import { CLOSED_PORT, createMysqlDatabase, withMysql, type TestDatabase } from '../support/databases';
import { describeTypeOrmBehaviour, describeTypeOrmConformance, migrateLikeAnApp } from './typeorm-behaviour';

let database: TestDatabase;
beforeAll(async () => {
  database = await createMysqlDatabase('typeorm');
});
afterAll(() => database?.drop());

describeTypeOrmConformance('TypeORM MariaDB', () => database.url);
describeTypeOrmBehaviour('MariaDB', () => database.url);

describe('TypeOrmAdapter on MySQL/MariaDB', () => {
  test('connect() to a port nothing listens on fails with DatabaseUnavailableError naming host, port and how to start it', async () => {
    const failure = await TypeOrmAdapter.connect(`mariadb://root@127.0.0.1:${CLOSED_PORT}/test`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect((failure as Error).message).toMatch(new RegExp(`cannot reach MariaDB at 127\\.0\\.0\\.1:${CLOSED_PORT} .*ECONNREFUSED.*Start it .*docker run`));
  });

  test('connect() hands the PoolConfig settings mysql2 has to its pool', async () => {
    const pool = { maxConnections: 4, acquireTimeoutMs: 1_234, idleTimeoutMs: 5_678 };
    const db = await TypeOrmAdapter.connect(database.url, {}, { pool });
    try {
      const config = (db.dataSource.driver as unknown as { pool: { config: Record<string, any> } }).pool.config;
      expect(config).toMatchObject({ connectionLimit: 4, maxIdle: 3, idleTimeout: 5_678 });
      expect(config.connectionConfig).toMatchObject({ connectTimeout: 1_234, timezone: 'Z' });
    } finally {
      await db.close();
    }
  });

  test('dates are stored in UTC whatever the server\'s time zone', async () => {
    const db = await TypeOrmAdapter.connect(database.url);
    try {
      await migrateLikeAnApp(db);
      const expiresAt = new Date('2031-05-06T07:08:09.123Z');
      const created = await db.createVerification({ identifier: 'utc', value: 'v', expiresAt });
      const [raw] = await db.dataSource.query(`SELECT DATE_FORMAT(expires_at, '%Y-%m-%dT%H:%i:%s.%f') AS stored FROM verifications WHERE id = ?`, [created.id]);
      expect(raw.stored).toBe('2031-05-06T07:08:09.123000');
      await db.deleteVerification(created.id);
    } finally {
      await db.close();
    }
  });

  describe('on tables made by hand-written SQL, whose keys MySQL names after their first column', () => {
    let handmade: TestDatabase;
    let db: TypeOrmAdapter;
    beforeAll(async () => {
      handmade = await createMysqlDatabase('handmade');
      await withMysql(async (connection) => {
        await connection.query(`USE \`${handmade.name}\``);
        for (const statement of HANDMADE_SQL) await connection.query(statement);
      });
      db = await TypeOrmAdapter.connect(handmade.url);
    });
    afterAll(async () => {
      await db?.close();
      await handmade?.drop();
    });

    test('a duplicate key comes back as UniqueConstraintError naming the contract fields', async () => {
      const user = await db.createUser({ email: 'ada@example.com', username: 'ada' });
      await expect(db.createUser({ email: 'ADA@example.com' })).rejects.toEqual(new UniqueConstraintError('user', ['email']));
      await expect(db.createUser({ email: 'other@example.com', username: 'ada' })).rejects.toEqual(new UniqueConstraintError('user', ['username']));
      await db.createAccount({ userId: user.id, providerId: 'github', accountId: '1' });
      await expect(db.createAccount({ userId: user.id, providerId: 'github', accountId: '1' })).rejects.toEqual(
        new UniqueConstraintError('account', ['providerId', 'accountId']),
      );
      const org = await db.createOrganization({ name: 'Acme', slug: 'acme' });
      await db.createMember({ organizationId: org.id, userId: user.id });
      await expect(db.createMember({ organizationId: org.id, userId: user.id })).rejects.toEqual(
        new UniqueConstraintError('member', ['organizationId', 'userId']),
      );
      expect(await db.getUserByEmail('Ada@Example.com')).toMatchObject({ id: user.id, metadata: {} });
    });
  });
});

/** The seed's schema as a MySQL user would write it by hand: VARCHAR keys, JSON, DATETIME(6), unnamed UNIQUEs. */
const HANDMADE_SQL = [
  `CREATE TABLE users (id VARCHAR(255) PRIMARY KEY, name TEXT, email VARCHAR(255) UNIQUE, email_verified BOOLEAN NOT NULL DEFAULT FALSE,
    image TEXT, username VARCHAR(255) UNIQUE, display_username TEXT, two_factor_enabled BOOLEAN NOT NULL DEFAULT FALSE, role TEXT,
    banned BOOLEAN NOT NULL DEFAULT FALSE, ban_reason TEXT, ban_expires DATETIME(6), metadata JSON NOT NULL, is_anonymous BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))`,
  `CREATE TABLE sessions (id VARCHAR(255) PRIMARY KEY, expires_at DATETIME(6) NOT NULL, token VARCHAR(255) NOT NULL UNIQUE, ip_address TEXT,
    user_agent TEXT, user_id VARCHAR(255) NOT NULL, impersonated_by TEXT, active_organization_id TEXT, active_team_id TEXT, active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at DATETIME(6) NOT NULL, updated_at DATETIME(6) NOT NULL, INDEX (user_id))`,
  `CREATE TABLE accounts (id VARCHAR(255) PRIMARY KEY, account_id VARCHAR(255) NOT NULL, provider_id VARCHAR(255) NOT NULL,
    user_id VARCHAR(255) NOT NULL, access_token TEXT, refresh_token TEXT, id_token TEXT, access_token_expires_at DATETIME(6),
    refresh_token_expires_at DATETIME(6), scope TEXT, password TEXT, created_at DATETIME(6) NOT NULL, updated_at DATETIME(6) NOT NULL,
    UNIQUE (provider_id, account_id))`,
  `CREATE TABLE verifications (id VARCHAR(255) PRIMARY KEY, identifier VARCHAR(255) NOT NULL, value TEXT NOT NULL,
    expires_at DATETIME(6) NOT NULL, created_at DATETIME(6) NOT NULL, updated_at DATETIME(6) NOT NULL)`,
  `CREATE TABLE organization (id VARCHAR(255) PRIMARY KEY, name TEXT NOT NULL, slug VARCHAR(255) NOT NULL UNIQUE, logo TEXT,
    metadata JSON NOT NULL, created_at DATETIME(6) NOT NULL, updated_at DATETIME(6) NOT NULL)`,
  `CREATE TABLE member (id VARCHAR(255) PRIMARY KEY, organization_id VARCHAR(255) NOT NULL, user_id VARCHAR(255) NOT NULL,
    role VARCHAR(255) NOT NULL DEFAULT 'member', created_at DATETIME(6) NOT NULL, UNIQUE (organization_id, user_id))`,
  `CREATE TABLE invitation (id VARCHAR(255) PRIMARY KEY, organization_id VARCHAR(255) NOT NULL, email VARCHAR(255) NOT NULL,
    role VARCHAR(255) NOT NULL DEFAULT 'member', status VARCHAR(255) NOT NULL DEFAULT 'pending', inviter_id VARCHAR(255) NOT NULL,
    expires_at DATETIME(6) NOT NULL, created_at DATETIME(6) NOT NULL, team_id TEXT)`,
];
