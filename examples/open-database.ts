import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import type { DataSource } from 'typeorm';
import type { AppDatabase } from './create-auth';
import { appEntities } from './entities';

/** The example's storage and a line saying which it is. */
export interface OpenedDatabase {
  database: AppDatabase;
  description: string;
}

/**
 * Picks the example's database: `DATABASE_URL` when set (PostgreSQL, MySQL/MariaDB or `sqlite:<file>`),
 * `--db sqlite` for a SQLite file in a fresh temp folder, the embedded memory adapter otherwise.
 * SQL databases get the shipped migrations, then the app's own columns.
 */
export async function openDatabase(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<OpenedDatabase> {
  const flag = argv.indexOf('--db');
  const choice = flag >= 0 ? argv[flag + 1] : undefined;
  const url = env.DATABASE_URL ?? (choice === 'sqlite' ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'bae-example-')), 'auth.db')}` : undefined);
  if (choice && choice !== 'sqlite' && choice !== 'memory') throw new Error(`--db ${choice}: use --db sqlite, --db memory, or set DATABASE_URL.`);
  if (!url || choice === 'memory') return { database: new MemoryDatabaseAdapter(appEntities), description: 'the embedded memory adapter' };

  const database = await TypeOrmAdapter.connect(url, appEntities);
  await runMigrations(database);
  await addAppColumns(database.dataSource);
  return { database, description: `${database.dialect} (${url.replace(/\/\/[^@/]*@/, '//…@')})` };
}

/**
 * The app's own migration: the columns its classes add to the auth tables. Custom columns need a database
 * default or must be nullable, so rows the library inserts without them stay valid.
 */
const APP_COLUMNS: Array<[table: string, column: string, definition: string]> = [
  ['users', 'plan', "VARCHAR(32) NOT NULL DEFAULT 'free'"],
  ['users', 'stripe_customer_id', 'VARCHAR(255)'],
  ['users', 'nickname', 'VARCHAR(40)'],
  ['users', 'birthday', 'DATETIME_6'],
  ['users', 'age', 'INTEGER'],
  ['users', 'newsletter', 'BOOLEAN'],
  ['users', 'preferences', 'TEXT'],
  ['sessions', 'device_label', 'VARCHAR(255)'],
  ['organization', 'billing_email', 'VARCHAR(255)'],
];

/** A timestamp with milliseconds: `timestamptz` on PostgreSQL, `datetime(6)` on MySQL/MariaDB and SQLite. */
function dialectType(dataSource: DataSource, definition: string): string {
  if (definition !== 'DATETIME_6') return definition;
  return dataSource.options.type === 'postgres' ? 'TIMESTAMPTZ' : 'DATETIME(6)';
}

async function addAppColumns(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    for (const [table, column, definition] of APP_COLUMNS) {
      if (!(await runner.hasColumn(table, column))) await runner.query(`ALTER TABLE ${table} ADD COLUMN ${column} ${dialectType(dataSource, definition)}`);
    }
  } finally {
    await runner.release();
  }
}
