import type { AuthSchema, SchemaColumn, SchemaIndex, SchemaTable } from '../auth-schema';
import { columnType, defaultClause, quote, type SqlDialect } from './dialect-sql';

/**
 * The statements that create `table` on a fresh database: CREATE TABLE with its keys, then its indexes.
 * Names of constraints follow PostgreSQL's conventions (`users_email_key`), which the adapter's
 * unique-violation translation recognises on every dialect.
 * @example
 * createTableStatements(schema.tables[0], 'sqlite'); // ['CREATE TABLE IF NOT EXISTS "users" (...)']
 */
export function createTableStatements(table: SchemaTable, dialect: SqlDialect): string[] {
  const q = (name: string) => quote(dialect, name);
  const lines = table.columns.map((column) => `    ${columnDefinition(dialect, column, { inlinePrimaryKey: dialect === 'sqlite' && column.primaryKey })}`);
  const primary = table.columns.filter((column) => column.primaryKey);
  if (dialect !== 'sqlite' && primary.length > 0) lines.push(`    CONSTRAINT ${q(`${table.name}_pkey`)} PRIMARY KEY (${primary.map((column) => q(column.name)).join(', ')})`);
  for (const column of table.columns) {
    if (column.unique && !column.primaryKey) lines.push(`    CONSTRAINT ${q(`${table.name}_${column.name}_key`)} UNIQUE (${q(column.name)})`);
  }
  // MySQL has no CREATE INDEX IF NOT EXISTS: its indexes go inside CREATE TABLE.
  if (dialect === 'mysql') for (const index of table.indexes) lines.push(`    ${index.unique ? 'UNIQUE KEY' : 'KEY'} ${q(indexName(table, index))} (${index.columns.map(q).join(', ')})`);
  for (const column of table.columns) {
    if (!column.references) continue;
    const { table: target, column: targetColumn, onDelete } = column.references;
    lines.push(`    CONSTRAINT ${q(`${table.name}_${column.name}_fkey`)} FOREIGN KEY (${q(column.name)}) REFERENCES ${q(target)} (${q(targetColumn)}) ON DELETE ${onDelete.toUpperCase()}`);
  }
  const suffix = dialect === 'mysql' ? ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin' : '';
  const statements = [`CREATE TABLE IF NOT EXISTS ${q(table.name)} (\n${lines.join(',\n')}\n)${suffix}`];
  if (dialect !== 'mysql') for (const index of table.indexes) statements.push(createIndexStatement(table.name, index, dialect));
  return statements;
}

/**
 * The statements that add `column` to an existing table. Rows already there must stay valid and unchanged,
 * so a NOT NULL column without a default is added nullable (a note says so), and uniqueness comes from a
 * separate index (SQLite cannot add a UNIQUE column).
 */
export function addColumnStatements(table: string, column: SchemaColumn, dialect: SqlDialect): { statements: string[]; note?: string } {
  const q = (name: string) => quote(dialect, name);
  // SQLite refuses ADD COLUMN with a non-constant default (`datetime('now')`): such a column comes without one.
  const nowDefault = typeof column.defaultValue === 'object' && column.defaultValue !== null && 'now' in column.defaultValue;
  const added = dialect === 'sqlite' && nowDefault ? { ...column, defaultValue: undefined } : column;
  const relaxed = !added.nullable && added.defaultValue === undefined;
  const definition = columnDefinition(dialect, { ...added, nullable: added.nullable || relaxed, primaryKey: false, references: undefined }, { inlinePrimaryKey: false });
  const statements = [`ALTER TABLE ${q(table)} ADD COLUMN ${definition}`];
  if (column.unique) statements.push(createIndexStatement(table, { columns: [column.name], unique: true }, dialect));
  return relaxed ? { statements, note: `${table}.${column.name} is added nullable: existing rows have no value for it.` } : { statements };
}

/**
 * The whole schema as one SQL script for a fresh database, tables in dependency order.
 * @example
 * writeFileSync('auth.sql', schemaSql(getAuthSchema(auth), 'postgres'));
 */
export function schemaSql(schema: AuthSchema, dialect: SqlDialect): string {
  const header = `-- better-auth-entities schema (${dialect}), generated from the configured auth's entities and plugins.\n-- Every statement is idempotent (IF NOT EXISTS); apply it to a fresh database.\n`;
  return `${header}\n${schema.tables.flatMap((table) => createTableStatements(table, dialect)).map((statement) => `${statement};`).join('\n\n')}\n`;
}

function columnDefinition(dialect: SqlDialect, column: SchemaColumn, options: { inlinePrimaryKey: boolean }): string {
  let type = columnType(dialect, column);
  if (options.inlinePrimaryKey) type += column.autoIncrement ? ' PRIMARY KEY AUTOINCREMENT' : ' PRIMARY KEY';
  const nullability = column.nullable ? (dialect === 'mysql' ? ' NULL' : '') : ' NOT NULL';
  return `${quote(dialect, column.name)} ${type}${nullability}${defaultClause(dialect, column)}`;
}

/** The statement that adds one index to an existing table, named as `generate` names it. */
export function createIndexStatement(table: string, index: SchemaIndex, dialect: SqlDialect): string {
  const q = (name: string) => quote(dialect, name);
  const name = indexName({ name: table }, index);
  if (dialect === 'mysql') return `ALTER TABLE ${q(table)} ADD ${index.unique ? 'UNIQUE ' : ''}INDEX ${q(name)} (${index.columns.map(q).join(', ')})`;
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${q(name)} ON ${q(table)} (${index.columns.map(q).join(', ')})`;
}

function indexName(table: { name: string }, index: SchemaIndex): string {
  return `${table.name}_${index.columns.join('_')}_${index.unique ? 'key' : 'idx'}`;
}
