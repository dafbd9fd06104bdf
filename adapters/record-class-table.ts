import type { RecordClassModel } from '../entities/model/record-class-model';
import type { RecordTable } from './plugin-records';

/**
 * The table an adapter stores for a plugin model the app gave its own class (see `AuthRecord`): the class's
 * table and column names, the plugin's field names and types in the rows, and the app's own columns filled
 * with their defaults on every create.
 * @example
 * const table = recordClassTable(buildRecordClassModel(AppTwoFactor, declared));
 * await db.records!(table).create({ secret, backupCodes, userId }); // label gets its @AuthDefault
 */
export function recordClassTable(model: RecordClassModel): RecordTable {
  const columns = model.fields.filter((field) => field.declared).map(({ field, column, type }) => ({ field, name: column, type }));
  const fill = model.fields.flatMap(({ field, column, type, declared, defaultValue, nullable }) => {
    if (declared) return [];
    // A nullable column without a default of ours gets NULL in memory, and its own SQL default (if any) in SQL.
    const value = defaultValue ?? (nullable ? () => undefined : undefined);
    return value ? [{ field, name: column, type, value }] : [];
  });
  return { name: model.table, columns, fill };
}
