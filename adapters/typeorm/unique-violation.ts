import type { EntityKind } from '../../entities/entity-kind';
import type { TableMapping } from './table-mapping';

/** The driver's own error, with the fields drivers use to say what broke. */
export interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
  /** PostgreSQL: `Key (email)=(ada@example.com) already exists.` */
  detail?: string;
  /** PostgreSQL: the name of the constraint that broke. */
  constraint?: string;
  /** MySQL / MariaDB: `Duplicate entry 'x' for key 'IDX_…'`. */
  sqlMessage?: string;
}

/** The uniqueness rules of the contract, per kind, in the field order `UniqueConstraintError` reports. */
const UNIQUE_FIELDS: Readonly<Record<EntityKind, readonly (readonly string[])[]>> = Object.freeze({
  user: [['email'], ['username']],
  session: [['token']],
  account: [['providerId', 'accountId']],
  organization: [['slug']],
  member: [['organizationId', 'userId']],
  invitation: [],
  verification: [],
});

/**
 * Whether a driver error is a unique violation: PostgreSQL 23505, MySQL/MariaDB ER_DUP_ENTRY (1062), SQLite's
 * UNIQUE and PRIMARY KEY constraints (sqlite3 reports the generic SQLITE_CONSTRAINT with the text).
 */
export function isUniqueViolation(error: DriverError): boolean {
  if (error.code === '23505' || error.code === 'ER_DUP_ENTRY' || error.errno === 1062) return true;
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  return error.code === 'SQLITE_CONSTRAINT' && /UNIQUE constraint failed/.test(error.message ?? '');
}

/**
 * The fields of the uniqueness rule a write broke, read from what the driver says: PostgreSQL's detail names
 * the columns, SQLite's message names `table.column`s, MySQL names the key, which TypeORM's metadata (or, for
 * tables made by SQL migrations, the key's own name) turns into columns. `written` are the fields the write
 * set: the fallback when the driver's words match nothing known.
 * @example
 * violatedFields({ code: '23505', detail: 'Key (provider_id, account_id)=(github, 42) already exists.' }, accounts, [])
 * // ['providerId', 'accountId']
 */
export function violatedFields(error: DriverError, table: TableMapping<object>, written: readonly string[]): readonly string[] {
  const rules = [['id'], ...UNIQUE_FIELDS[table.model.kind]];
  const columns = violatedColumns(error, table);
  if (columns) {
    const fields = columns.map((column) => table.fieldOfColumn(column) ?? column);
    const rule = rules.find((candidate) => sameSet(candidate, fields));
    return rule ?? fields;
  }
  return rules.find((rule) => rule.every((field) => written.includes(field))) ?? ['unknown'];
}

function violatedColumns(error: DriverError, table: TableMapping<object>): string[] | null {
  const pgDetail = /Key \((.+?)\)=/.exec(error.detail ?? '');
  if (pgDetail) return splitNames(pgDetail[1]);
  const sqlite = /UNIQUE constraint failed: (.+)$/m.exec(error.message ?? '');
  if (sqlite) return splitNames(sqlite[1]).map((name) => name.slice(name.lastIndexOf('.') + 1));
  const key = error.constraint ?? /for key '(?:[^']*\.)?([^'.]+)'/.exec(error.sqlMessage ?? error.message ?? '')?.[1];
  if (!key) return null;
  if (key === 'PRIMARY') return [table.columnName('id')];
  const known = table.constraintColumns(key);
  if (known) return known;
  // Keys named by hand in SQL: MySQL names an inline UNIQUE after its first column (`email`, `provider_id`),
  // conventions add the table and a suffix (`users_email_key`).
  const named = table.columns.map(({ column }) => column.databaseName).filter((name) => key === name || key.includes(name));
  return named.length ? completeRule(named, table) : null;
}

/** A key named after the first column of a composite rule stands for the whole rule. */
function completeRule(columns: string[], table: TableMapping<object>): string[] {
  const fields = columns.map((column) => table.fieldOfColumn(column) ?? column);
  const rule = UNIQUE_FIELDS[table.model.kind].find((candidate) => candidate.some((field) => fields.includes(field)));
  return rule && table.has(rule[0]) ? rule.filter((field) => table.has(field)).map((field) => table.columnName(field)) : columns;
}

function splitNames(list: string): string[] {
  return list.split(',').map((name) => name.trim().replace(/^"|"$/g, ''));
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
