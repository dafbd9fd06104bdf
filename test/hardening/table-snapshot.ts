import { createHash } from 'node:crypto';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import type { DataSource } from 'typeorm';
import type { AppDatabase } from '../../examples/create-auth';

/** The auth tables of the shipped migrations, children first. */
export const SQL_TABLES = ['sessions', 'accounts', 'verifications', 'member', 'invitation', 'organization', 'users'] as const;

/** One table as the database holds it: its `COUNT(*)`, and each row's content by id. */
export interface TableState {
  count: number;
  rows: Map<string, string>;
}

/** Every auth table of a storage, read below the adapter: SQL straight from the tables, memory from its maps. */
export type Snapshot = Record<string, TableState>;

/** The DataSource under a SQL backend's adapter, or `null` on the memory adapter. */
export function dataSourceOf(database: AppDatabase): DataSource | null {
  return database instanceof TypeOrmAdapter ? (database as TypeOrmAdapter<any, any, any, any, any, any, any>).dataSource : null;
}

/**
 * Reads every table with plain SQL (`SELECT COUNT(*)`, then every row ordered by id), so what it sees does not
 * depend on the adapter under test. On the memory adapter it reads the adapter's own tables: there is no
 * other copy of the data to read.
 */
export async function snapshot(database: AppDatabase): Promise<Snapshot> {
  const dataSource = dataSourceOf(database);
  const result: Snapshot = {};
  if (dataSource) {
    for (const table of SQL_TABLES) {
      const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
      const rows: Array<Record<string, unknown>> = await dataSource.query(`SELECT * FROM ${table} ORDER BY id`);
      result[table] = { count: Number(n), rows: new Map(rows.map((row) => [String(row.id), JSON.stringify(row)])) };
    }
    return result;
  }
  // The memory adapter keeps its rows in IndexedTables behind a private `state`; a test may look, nothing else should.
  const tables = (database as unknown as { state: { tables: Record<string, { size: number; all(): Iterable<{ id: string }> }> } }).state.tables;
  for (const [name, table] of Object.entries(tables)) {
    result[name] = { count: table.size, rows: new Map([...table.all()].map((row) => [String(row.id), JSON.stringify(row)])) };
  }
  return result;
}

/** Rows added, removed or altered between two snapshots, per table (tables without a change are left out). */
export function rowsChanged(before: Snapshot, after: Snapshot): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const table of Object.keys(before)) {
    const [a, b] = [before[table].rows, after[table].rows];
    let n = 0;
    for (const [id, row] of a) if (b.get(id) !== row) n += 1;
    for (const id of b.keys()) if (!a.has(id)) n += 1;
    if (n > 0) changed[table] = n;
  }
  return changed;
}

/** A short digest of a whole snapshot, to print beside the figures. */
export function fingerprint(state: Snapshot): string {
  const hash = createHash('sha256');
  for (const table of Object.keys(state).sort()) {
    const rows = [...state[table].rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
    hash.update(`${table}:${state[table].count}:${rows.join('\n')}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}

/** `COUNT(*)` per table, for messages. */
export function counts(state: Snapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(state).map(([table, { count }]) => [table, count]));
}

/** What must hold between users, credential accounts and sessions, whatever raced or failed. */
export interface Integrity {
  users: number;
  credentialAccounts: number;
  distinctEmails: number;
  /** Users with no credential account, or with more than one. */
  usersWithoutOneCredential: string[];
  accountsWithoutUser: string[];
  sessionsWithoutUser: string[];
}

/** Reads the integrity figures with SQL on SQL backends (joins, not the adapter), from the tables on memory. */
export async function integrity(database: AppDatabase): Promise<Integrity> {
  const dataSource = dataSourceOf(database);
  if (dataSource) {
    const number = async (sql: string) => Number((await dataSource.query(sql))[0].n);
    const ids = async (sql: string) => ((await dataSource.query(sql)) as Array<{ id: unknown }>).map((row) => String(row.id));
    return {
      users: await number('SELECT COUNT(*) AS n FROM users'),
      credentialAccounts: await number("SELECT COUNT(*) AS n FROM accounts WHERE provider_id = 'credential'"),
      distinctEmails: await number('SELECT COUNT(DISTINCT email) AS n FROM users'),
      usersWithoutOneCredential: await ids(
        "SELECT u.id AS id FROM users u LEFT JOIN accounts a ON a.user_id = u.id AND a.provider_id = 'credential' GROUP BY u.id HAVING COUNT(a.id) <> 1",
      ),
      accountsWithoutUser: await ids('SELECT a.id AS id FROM accounts a LEFT JOIN users u ON u.id = a.user_id WHERE u.id IS NULL'),
      sessionsWithoutUser: await ids('SELECT s.id AS id FROM sessions s LEFT JOIN users u ON u.id = s.user_id WHERE u.id IS NULL'),
    };
  }
  const tables = (database as unknown as { state: { tables: Record<string, { all(): Iterable<Record<string, unknown>> }> } }).state.tables;
  const users = [...tables.users.all()];
  const accounts = [...tables.accounts.all()];
  const sessions = [...tables.sessions.all()];
  const userIds = new Set(users.map((user) => String(user.id)));
  const credentials = accounts.filter((account) => account.providerId === 'credential');
  return {
    users: users.length,
    credentialAccounts: credentials.length,
    distinctEmails: new Set(users.map((user) => user.email)).size,
    usersWithoutOneCredential: users.filter((user) => credentials.filter((a) => a.userId === user.id).length !== 1).map((user) => String(user.id)),
    accountsWithoutUser: accounts.filter((account) => !userIds.has(String(account.userId))).map((account) => String(account.id)),
    sessionsWithoutUser: sessions.filter((session) => !userIds.has(String(session.userId))).map((session) => String(session.id)),
  };
}
