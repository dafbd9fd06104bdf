import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import type { DataSource } from 'typeorm';
import { appEntities } from '../../examples/entities';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { cli, CONFIG } from './cli-harness';

const directory = mkdtempSync(join(tmpdir(), 'bae-migrate-'));
const dropped: TestDatabase[] = [];
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  for (const database of dropped) await database.drop();
});

/**
 * A database as an app might have it: the shipped migrations and the example's own columns, except
 * `users.stripe_customer_id`, which the app's `AppUser` declares but nobody has added yet; one user in it.
 */
async function databaseMissingOneColumn(url: string): Promise<void> {
  const adapter = await TypeOrmAdapter.connect(url, appEntities);
  try {
    await runMigrations(adapter);
    await adapter.dataSource.query("ALTER TABLE users ADD COLUMN plan VARCHAR(32) NOT NULL DEFAULT 'free'");
    await adapter.dataSource.query('ALTER TABLE sessions ADD COLUMN device_label VARCHAR(255)');
    const timestamp = adapter.dialect === 'postgres' ? 'TIMESTAMPTZ' : 'DATETIME(6)';
    for (const column of ['nickname VARCHAR(40)', `birthday ${timestamp}`, 'age INTEGER', 'newsletter BOOLEAN', 'preferences TEXT']) {
      await adapter.dataSource.query(`ALTER TABLE users ADD COLUMN ${column}`);
    }
    await adapter.dataSource.query("INSERT INTO users (id, email, name, email_verified, plan) VALUES ('u1', 'ada@example.com', 'Ada', TRUE, 'pro')");
  } finally {
    await adapter.close();
  }
}

async function withDataSource<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const adapter = await TypeOrmAdapter.connect(url, appEntities);
  try {
    return await work(adapter.dataSource);
  } finally {
    await adapter.close();
  }
}

const BACKENDS: Array<{ name: string; url: () => Promise<string> }> = [
  { name: 'SQLite', url: async () => `sqlite:${join(directory, `${Date.now()}-${Math.random().toString(36).slice(2)}.db`)}` },
  {
    name: 'PostgreSQL',
    url: async () => {
      const database = await createPostgresSchema('migrate');
      dropped.push(database);
      return database.url;
    },
  },
];

describe.each(BACKENDS)('migrate ($name)', ({ url: makeUrl }) => {
  it('run twice, adds the one missing custom column once and changes no existing row', async () => {
    const url = await makeUrl();
    await databaseMissingOneColumn(url);
    const before = await withDataSource(url, (ds) => ds.query('SELECT id, email, name, email_verified, plan, created_at FROM users'));

    const first = await cli(['migrate', '--config', CONFIG, '--yes'], { env: { BAE_CLI_DATABASE_URL: url } });
    expect(first.code).toBe(0);
    expect(first.out).toContain('Missing (1):\n  + column users.stripe_customer_id');
    expect(first.out).toContain('[1/1] column users.stripe_customer_id');

    const second = await cli(['migrate', '--config', CONFIG, '--yes'], { env: { BAE_CLI_DATABASE_URL: url } });
    expect(second.code).toBe(0);
    expect(second.out).toContain('The database is up to date: nothing to migrate.');

    await withDataSource(url, async (ds) => {
      const runner = ds.createQueryRunner();
      try {
        const users = await runner.getTable('users');
        expect(users!.columns.filter((column) => column.name === 'stripe_customer_id')).toHaveLength(1);
      } finally {
        await runner.release();
      }
      expect(await ds.query('SELECT id, email, name, email_verified, plan, created_at FROM users')).toEqual(before);
      expect(await ds.query('SELECT stripe_customer_id FROM users')).toEqual([{ stripe_customer_id: null }]);
    });
  });

  it('without --yes and without a terminal to ask on, applies nothing and exits 1', async () => {
    const url = await makeUrl();
    await databaseMissingOneColumn(url);
    const run = await cli(['migrate', '--config', CONFIG], { env: { BAE_CLI_DATABASE_URL: url } });
    expect(run.code).toBe(1);
    expect(run.err).toContain('Run again with --yes');
    await withDataSource(url, async (ds) => {
      const runner = ds.createQueryRunner();
      expect(await runner.hasColumn('users', 'stripe_customer_id')).toBe(false);
      await runner.release();
    });
  });

  it('asks before applying, and a "no" leaves the database as it was', async () => {
    const url = await makeUrl();
    await databaseMissingOneColumn(url);
    const declined = await cli(['migrate', '--config', CONFIG], { env: { BAE_CLI_DATABASE_URL: url }, interactive: true, answer: false });
    expect([declined.code, declined.out]).toEqual([1, expect.stringContaining('Nothing applied.')]);
    const accepted = await cli(['migrate', '--config', CONFIG, '--yes'], { env: { BAE_CLI_DATABASE_URL: url, BAE_CLI_AUDIT: '1' } });
    // With the audit-log plugin, its table and its column on users are missing too.
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain('+ column users.stripe_customer_id');
    expect(accepted.out).toContain('+ column users.last_audit_at');
    expect(accepted.out).toContain('+ table audit_log');
  });
});

describe('the CLI reports failures clearly, with a non-zero exit code', () => {
  it('a config path that does not exist', async () => {
    const run = await cli(['generate', '--config', 'no/such/auth.config.ts', '--dialect', 'sqlite']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/Config file not found: .*no\/such\/auth\.config\.ts/);
  });

  it('an unsupported dialect', async () => {
    const run = await cli(['generate', '--config', CONFIG, '--dialect', 'oracle']);
    expect(run.code).toBe(1);
    expect(run.err).toContain("argument 'oracle' is invalid. Allowed choices are postgres, sqlite, mysql");
  });

  it('an unreachable database', async () => {
    const run = await cli(['migrate', '--config', CONFIG, '--yes'], { env: { BAE_CLI_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } });
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/Could not load .*cli-auth\.config\.ts: .*127\.0\.0\.1:1/);
  });

  it('migrate on an auth that uses the memory adapter', async () => {
    const run = await cli(['migrate', '--config', CONFIG, '--yes']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('migrate needs a SQL database');
  });

  it('--help works on every command', async () => {
    for (const argv of [['--help'], ['generate', '--help'], ['migrate', '--help']]) {
      const run = await cli(argv);
      expect(run.code).toBe(0);
      expect(run.out).toContain('Usage: better-auth-entities');
    }
  });

  it('the installed bin runs: help exits 0 and a missing config exits 1 with the reason', async () => {
    const bin = join(__dirname, '..', '..', 'bin', 'better-auth-entities.js');
    const help = await promisify(execFile)(process.execPath, [bin, 'migrate', '--help']);
    expect(help.stdout).toContain('--yes');
    const failure = await promisify(execFile)(process.execPath, [bin, 'generate', '--config', 'missing.ts', '--dialect', 'sqlite']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('Config file not found') });
  }, 60_000);
});
