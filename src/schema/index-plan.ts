import type { DataSource, Table } from 'typeorm';
import type { AuthSchema, SchemaIndex } from './auth-schema';
import type { MigrationStep } from './migration-plan';
import { createIndexStatement } from './sql/schema-sql';
import type { SqlDialect } from './sql/dialect-sql';

/**
 * The indexes the schema wants on tables that already exist and the database lacks: the lookups the
 * adapters make (`session.userId`), the uniqueness they rely on (one account per provider account), each
 * single-column unique field. A table `migrate` creates brings its indexes, and a unique column it adds
 * brings its unique index, so neither is planned here. An existing index counts when it covers the same
 * columns: a unique one exactly (in any order), a plain one as a leading prefix.
 * @example
 * (await planMissingIndexes(getAuthSchema(auth), dataSource, 'sqlite')).map((step) => step.index);
 * // [{ columns: ['providerId', 'accountId'], unique: true }]
 */
export async function planMissingIndexes(schema: AuthSchema, dataSource: DataSource, dialect: SqlDialect): Promise<MigrationStep[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const steps: MigrationStep[] = [];
    for (const table of schema.tables) {
      const live = await runner.getTable(table.name);
      if (!live) continue;
      const addedUnique = new Set(table.columns.filter((column) => column.unique && !column.primaryKey && !live.findColumnByName(column.name)).map((column) => column.name));
      const wanted: SchemaIndex[] = [
        ...table.columns.filter((column) => column.unique && !column.primaryKey).map((column) => ({ columns: [column.name], unique: true })),
        ...table.indexes,
      ];
      for (const index of wanted) {
        if (index.unique && index.columns.length === 1 && addedUnique.has(index.columns[0]!)) continue;
        if (covered(live, index)) continue;
        if (steps.some((step) => step.table === table.name && sameColumns(step.index!.columns, index.columns) && step.index!.unique === index.unique)) continue;
        steps.push({ kind: 'add-index', table: table.name, index: { columns: index.columns, unique: index.unique }, statements: [createIndexStatement(table.name, index, dialect)] });
      }
    }
    return steps;
  } finally {
    await runner.release();
  }
}

function covered(live: Table, index: SchemaIndex): boolean {
  const existing = [
    ...live.indices.map((entry) => ({ columns: entry.columnNames, unique: entry.isUnique === true })),
    ...live.uniques.map((entry) => ({ columns: entry.columnNames, unique: true })),
    ...live.columns.filter((column) => column.isUnique || column.isPrimary).map((column) => ({ columns: [column.name], unique: true })),
  ];
  if (live.primaryColumns.length > 0) existing.push({ columns: live.primaryColumns.map((column) => column.name), unique: true });
  return existing.some((entry) =>
    index.unique ? entry.unique && sameColumns(entry.columns, index.columns) : index.columns.every((column, position) => entry.columns[position] === column),
  );
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column) => b.includes(column));
}
