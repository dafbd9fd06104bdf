import type { DataSource, QueryRunner } from 'typeorm';
import type { AuthSchema } from './auth-schema';
import type { SqlDialect } from './sql/dialect-sql';
import { addColumnStatements, createTableStatements } from './sql/schema-sql';

/** One change `migrate` makes: a missing table, column or index, with the statements that add it. */
export interface MigrationStep {
  readonly kind: 'create-table' | 'add-column' | 'add-index';
  readonly table: string;
  readonly column?: string;
  /** For `add-index`: the indexed columns and whether the index is unique. */
  readonly index?: { readonly columns: readonly string[]; readonly unique: boolean };
  readonly statements: readonly string[];
  /** Something the user should know (a column added nullable). */
  readonly note?: string;
}

/**
 * Compares the live database with the schema: the tables and columns it lacks. Only additions are planned;
 * nothing existing is dropped, altered or rewritten.
 * @example
 * const steps = await planMigration(getAuthSchema(auth), dataSource, 'postgres');
 * steps.map((step) => step.column ?? step.table); // ['stripe_customer_id']
 */
export async function planMigration(schema: AuthSchema, dataSource: DataSource, dialect: SqlDialect): Promise<MigrationStep[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const steps: MigrationStep[] = [];
    for (const table of schema.tables) {
      const live = await runner.getTable(table.name);
      if (!live) {
        steps.push({ kind: 'create-table', table: table.name, statements: createTableStatements(table, dialect) });
        continue;
      }
      for (const column of table.columns) {
        if (live.findColumnByName(column.name)) continue;
        const { statements, note } = addColumnStatements(table.name, column, dialect);
        steps.push({ kind: 'add-column', table: table.name, column: column.name, statements, ...(note ? { note } : {}) });
      }
    }
    return steps;
  } finally {
    await runner.release();
  }
}

/**
 * Applies the steps in one transaction on PostgreSQL and SQLite (all or nothing); MySQL/MariaDB commit each DDL
 * statement on their own, so there a failure leaves the earlier steps applied (running `migrate` again
 * resumes: it plans only what is still missing). `progress` hears about each step before it runs.
 */
export async function applyMigration(
  dataSource: DataSource,
  dialect: SqlDialect,
  steps: readonly MigrationStep[],
  progress: (step: MigrationStep, index: number) => void = () => {},
): Promise<void> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  const transactional = dialect !== 'mysql';
  try {
    if (transactional) await runner.startTransaction();
    for (const [index, step] of steps.entries()) {
      progress(step, index);
      for (const statement of step.statements) await runner.query(statement);
    }
    if (transactional) await runner.commitTransaction();
  } catch (error) {
    if (transactional && runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}
