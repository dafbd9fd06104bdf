import type { RecordTable } from '../../adapters/plugin-records';
import { recordClassTable } from '../../adapters/record-class-table';
import { getAuthSchema, type SchemaSource } from './get-auth-schema';
import { recordClassModels } from './record-class-models';

/**
 * The plugin tables of an auth as its adapter stores them, by model: the generated schema's names for a
 * declared table, the app's class (names, and defaults for its own columns) where it gave one.
 * @example
 * recordTablesOf({ context: auth.context, plugins }).get('twoFactor')?.name; // 'two_factor', or the class's table
 */
export function recordTablesOf(source: SchemaSource): Map<string, RecordTable> {
  const tables = new Map<string, RecordTable>(
    getAuthSchema(source)
      .tables.filter((table) => table.source !== 'core')
      .map((table) => [table.model, table]),
  );
  for (const [model, classModel] of recordClassModels(source.context.recordClasses, source.plugins)) {
    const table = recordClassTable(classModel);
    // The declared defaults, as the generated table holds them (the memory adapter applies them itself).
    const generated = tables.get(model)?.columns ?? [];
    const columns = table.columns.map((column) => ({ ...column, defaultValue: generated.find((candidate) => candidate.field === column.field)?.defaultValue }));
    tables.set(model, { ...table, columns });
  }
  return tables;
}
