import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DEFAULT_POOL_CONFIG, TypeOrmAdapter } from '../../adapters/typeorm';
import { parseConnectionUrl } from '../../adapters/typeorm/connection-url';
import { createDataSource } from '../../adapters/typeorm/data-source-factory';
import { poolOptions, resolvePoolConfig } from '../../adapters/typeorm/pool-config';

describe('PoolConfig', () => {
  test('defaults to the seed\'s pool: 10 connections, 0 kept idle, 30 s acquire, 600 s idle, 1800 s lifetime; and 30 s for an answer', () => {
    expect(resolvePoolConfig()).toEqual({
      maxConnections: 10,
      minConnections: 0,
      acquireTimeoutMs: 30_000,
      idleTimeoutMs: 600_000,
      maxLifetimeMs: 1_800_000,
      queryTimeoutMs: 30_000,
    });
    expect(resolvePoolConfig({ maxConnections: 4 })).toEqual({ ...DEFAULT_POOL_CONFIG, maxConnections: 4 });
  });

  test('refuses values no pool could honour', () => {
    expect(() => resolvePoolConfig({ maxConnections: 0 })).toThrow(/maxConnections must be at least 1/);
    expect(() => resolvePoolConfig({ idleTimeoutMs: -1 })).toThrow(/idleTimeoutMs must be a non-negative number/);
    expect(() => resolvePoolConfig({ minConnections: 5, maxConnections: 2 })).toThrow(/minConnections \(5\) exceeds maxConnections \(2\)/);
  });

  test('maps onto pg-pool, mysql2 and the SQLite busy timeouts', () => {
    const pool = resolvePoolConfig({ maxConnections: 8, minConnections: 2, acquireTimeoutMs: 1_000, idleTimeoutMs: 2_000, maxLifetimeMs: 3_500, queryTimeoutMs: 5_000 });
    expect(poolOptions('postgres', pool)).toEqual({
      poolSize: 8,
      extra: { max: 8, min: 2, connectionTimeoutMillis: 1_000, idleTimeoutMillis: 2_000, maxLifetimeSeconds: 4, query_timeout: 5_000 },
    });
    expect(poolOptions('postgres', { ...pool, queryTimeoutMs: 0 }).extra).not.toHaveProperty('query_timeout');
    expect(poolOptions('mariadb', pool)).toEqual({ poolSize: 8, connectTimeout: 1_000, extra: { connectionLimit: 8, maxIdle: 7, idleTimeout: 2_000 } });
    expect(poolOptions('sqlite', pool)).toEqual({ busyTimeout: 1_000 });
    expect(poolOptions('better-sqlite3', pool)).toEqual({ timeout: 1_000 });
  });
});

describe('connection URLs', () => {
  test('postgres:// and postgresql:// go to node-postgres whole, query parameters included', () => {
    const url = 'postgresql://app:secret@db.internal:6543/auth?options=-c%20search_path%3Dauth';
    expect(parseConnectionUrl(url)).toMatchObject({
      dialect: 'postgres',
      drivers: ['postgres'],
      options: { url },
      description: 'PostgreSQL at db.internal:6543 (database "auth")',
    });
    expect(parseConnectionUrl('postgres://localhost/app')).toMatchObject({ host: 'localhost', port: 5432 });
  });

  test('mysql:// and mariadb:// are read into their parts, with UTC dates', () => {
    expect(parseConnectionUrl('mariadb://root:p%40ss@127.0.0.1/auth')).toMatchObject({
      dialect: 'mysql',
      drivers: ['mariadb'],
      options: { host: '127.0.0.1', port: 3306, username: 'root', password: 'p@ss', database: 'auth', timezone: 'Z' },
      description: 'MariaDB at 127.0.0.1:3306 (database "auth")',
    });
    expect(parseConnectionUrl('mysql://u@h:3307/d')).toMatchObject({ drivers: ['mysql'], options: { port: 3307 } });
  });

  test('sqlite: names a file or :memory:, and lists both SQLite drivers', () => {
    expect(parseConnectionUrl('sqlite::memory:')).toMatchObject({ dialect: 'sqlite', drivers: ['better-sqlite3', 'sqlite'], options: { database: ':memory:' } });
    expect(parseConnectionUrl('sqlite:./auth.db').options).toEqual({ database: './auth.db', enableWAL: true });
    expect(parseConnectionUrl('sqlite:///var/db/auth.db').options).toEqual({ database: '/var/db/auth.db', enableWAL: true });
    expect(() => parseConnectionUrl('sqlite:')).toThrow(/names a file or :memory:/);
  });

  test('sqlite: a database file is opened in WAL mode (readers never wait for the writer); :memory: has no journal file to switch', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'bae-wal-'));
    try {
      const db = await TypeOrmAdapter.connect(`sqlite:${join(directory, 'auth.db')}`);
      try {
        expect(await db.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      } finally {
        await db.close();
      }
      const memory = await TypeOrmAdapter.connect('sqlite::memory:');
      try {
        expect(await memory.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'memory' }]);
      } finally {
        await memory.close();
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  test('sqlite: prefers better-sqlite3 wherever it is installed (TypeORM 0.3 and 1.x), sqlite3 only without it', async () => {
    const db = await TypeOrmAdapter.connect('sqlite::memory:');
    try {
      expect(db.dialect).toBe('sqlite');
      expect(db.dataSource.options.type).toBe('better-sqlite3');
    } finally {
      await db.close();
    }
    // Without better-sqlite3 (its driver unavailable), the next listed driver is built: sqlite3 where TypeORM has it.
    const hasSqlite3Driver = (() => {
      try {
        new DataSource({ type: 'sqlite', database: ':memory:' });
        return true;
      } catch {
        return false;
      }
    })();
    if (hasSqlite3Driver) {
      const fallback = createDataSource({ ...parseConnectionUrl('sqlite::memory:'), drivers: ['sqlite'] }, resolvePoolConfig(), []);
      expect(fallback.options.type).toBe('sqlite');
    }
  });

  test('an unsupported URL is refused with the schemes that work, and never shows the password', async () => {
    await expect(TypeOrmAdapter.connect('mongodb://admin:hunter2@db/app')).rejects.toThrow(
      "Unsupported database URL 'mongodb://admin:***@db/app': use postgres://, postgresql://, mysql://, mariadb://, sqlite:<path> or sqlite::memory:.",
    );
  });
});
