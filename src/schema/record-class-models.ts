import { EntityDefinitionError } from '../../entities/entity-definition-error';
import type { EntityClass } from '../../entities/model/entity-model';
import { buildRecordClassModel, type RecordClassModel } from '../../entities/model/record-class-model';
import type { PluginDeclarations } from '../core/plugin-declarations';
import { declaredTables } from './declared-tables';
import { snakeCase } from './entity-table';

/**
 * The app's record classes (the adapter's `records: [...]`) checked against the tables the plugins declare,
 * by model. A class for a table no plugin of this auth declares fails too: a typo in `@AuthRecord('…')`
 * would otherwise leave the plugin on its default table while the app reads an empty one.
 * @example
 * recordClassModels(db.recordClasses, auth.plugins).get('twoFactor')?.table; // 'mfa_secrets'
 */
export function recordClassModels(
  classes: ReadonlyMap<string, EntityClass<object>> | undefined,
  plugins: ReadonlyArray<Pick<PluginDeclarations, 'id' | 'schema'>>,
): Map<string, RecordClassModel> {
  const models = new Map<string, RecordClassModel>();
  if (!classes || classes.size === 0) return models;
  const tables = declaredTables(plugins);
  for (const [model, target] of classes) {
    const declared = tables.find((entry) => entry.model === model);
    if (!declared) {
      const known = tables.map((entry) => `'${entry.model}'`).join(', ');
      throw new EntityDefinitionError(target.name, null, `is tagged @AuthRecord('${model}'), but no plugin of this auth declares a table '${model}'; the declared ones are ${known}.`);
    }
    models.set(
      model,
      buildRecordClassModel(target, { model, owner: declared.owner, table: declared.table.modelName ?? snakeCase(model), fields: declared.table.fields }),
    );
  }
  return models;
}
