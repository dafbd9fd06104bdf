import type { EntityKind } from '../../entities/entity-kind';
import type { AuthContext } from '../core/auth-context';
import type { PluginDeclarations } from '../core/plugin-declarations';
import type { AuthSchema, PluginField, SchemaColumn, SchemaTable } from './auth-schema';
import { ENGINE_RECORDS } from './declared-tables';
import { entityTable, snakeCase } from './entity-table';
import { recordClassColumns } from './record-class-columns';
import { recordClassModels } from './record-class-models';

/** What `getAuthSchema` reads from a built auth: its context (the adapter's models) and its plugins. */
export interface SchemaSource {
  readonly context: Pick<AuthContext, 'models'> & Partial<Pick<AuthContext, 'recordClasses'>>;
  readonly plugins: readonly PluginDeclarations[];
}

/** The kinds every auth stores; plugins add others through `schema.kinds`. */
const CORE_KINDS: readonly EntityKind[] = ['user', 'session', 'account', 'verification'];
const ALL_KINDS: readonly EntityKind[] = ['user', 'session', 'account', 'verification', 'organization', 'member', 'invitation'];


/**
 * Every table the configured auth needs, as plain data: the core kinds from the adapter's entity classes
 * (custom table and column names and custom fields included), the kinds plugins ask for, and the tables and
 * fields plugins declare in their `schema`. The CLI's `generate` and `migrate` read nothing else.
 * @example
 * const schema = getAuthSchema(auth);
 * schema.tables.find((table) => table.model === 'user')?.columns.map((column) => column.name);
 * // ['id', 'email', 'name', 'email_verified', 'image', 'plan', 'stripe_customer_id', 'created_at', 'updated_at']
 */
export function getAuthSchema(auth: SchemaSource): AuthSchema {
  const wanted = new Set<EntityKind>(CORE_KINDS);
  for (const plugin of auth.plugins) for (const kind of plugin.schema?.kinds ?? []) wanted.add(kind);
  const kinds = ALL_KINDS.filter((kind) => wanted.has(kind));

  const built = kinds.map((kind) => entityTable(auth.context.models[kind]));
  const tableOf = (model: string) => built.find((table) => table.model === model) ?? plugins.find((table) => table.model === model);
  const plugins: Array<SchemaTable & { columns: SchemaColumn[] }> = [];
  const extraColumns = new Map<string, SchemaColumn[]>();
  const pendingReferences: Array<{ column: { references?: SchemaColumn['references'] }; target: NonNullable<PluginField['references']>; from: string }> = [];

  const classes = recordClassModels(auth.context.recordClasses, auth.plugins);
  for (const plugin of [ENGINE_RECORDS, ...auth.plugins]) {
    for (const [model, declared] of Object.entries(plugin.schema?.tables ?? {})) {
      // The app's own class for the table gives its names and extra columns (see `AuthRecord`).
      const appClass = classes.get(model);
      const columns = appClass
        ? recordClassColumns(appClass, declared.fields, plugin.id)
        : [idColumn(plugin.id), ...Object.entries(declared.fields).map(([field, spec]) => pluginColumn(field, spec, plugin.id))];
      for (const column of columns) {
        const spec = column.source === plugin.id ? declared.fields[column.field] : undefined;
        if (spec?.references) pendingReferences.push({ column, target: spec.references, from: `${plugin.id}.${model}.${column.field}` });
      }
      if ((ALL_KINDS as readonly string[]).includes(model)) {
        if (!wanted.has(model as EntityKind)) throw new Error(`The plugin "${plugin.id}" adds fields to "${model}", whose table this auth does not use; add "${model}" to its schema.kinds.`);
        extraColumns.set(model, [...(extraColumns.get(model) ?? []), ...columns.filter((column) => column.field !== 'id')]);
        continue;
      }
      const columnName = (field: string) => {
        const column = declared.fields[field] ? columns.find((candidate) => candidate.field === field) : undefined;
        if (!column) throw new Error(`The plugin "${plugin.id}" indexes ${model}.${field}, which it does not declare.`);
        return column.name;
      };
      const indexes = [
        ...Object.entries(declared.fields)
          .filter(([, spec]) => spec.index && !spec.unique)
          .map(([field]) => ({ columns: [columnName(field)], unique: false })),
        ...(declared.indexes ?? []).map((index) => ({ columns: index.fields.map(columnName), unique: index.unique === true })),
      ];
      plugins.push({ model, name: appClass?.table ?? declared.modelName ?? snakeCase(model), source: plugin.id, columns, indexes });
    }
  }

  const tables: SchemaTable[] = built.map(({ kindReferences, ...table }) => {
    const columns = table.columns.map((column) => {
      const kind = kindReferences[column.field];
      const target = kind ? tableOf(kind) : undefined;
      const id = target?.columns.find((candidate) => candidate.field === 'id');
      return target && id ? { ...column, references: { table: target.name, column: id.name, onDelete: 'cascade' as const } } : column;
    });
    const extra = extraColumns.get(table.model) ?? [];
    for (const column of extra) {
      if (columns.some((known) => known.name === column.name)) throw new Error(`The plugin "${column.source}" adds the column "${column.name}" to ${table.name}, which already has one.`);
    }
    return { ...table, columns: [...columns, ...extra] };
  });
  for (const { column, target, from } of pendingReferences) {
    const table = tableOf(target.model);
    const referenced = table?.columns.find((candidate) => candidate.field === target.field);
    if (!table || !referenced) throw new Error(`${from} references ${target.model}.${target.field}, which this auth's schema does not have.`);
    column.references = { table: table.name, column: referenced.name, onDelete: target.onDelete ?? 'cascade' };
  }
  return { tables: [...tables, ...plugins] };
}

function idColumn(source: string): SchemaColumn {
  return { field: 'id', name: 'id', type: 'string', nullable: false, primaryKey: true, autoIncrement: false, unique: false, long: false, source };
}

function pluginColumn(field: string, spec: PluginField, source: string): SchemaColumn & { references?: SchemaColumn['references'] } {
  return {
    field,
    name: spec.fieldName ?? snakeCase(field),
    type: spec.type,
    nullable: spec.required !== true,
    primaryKey: false,
    autoIncrement: false,
    unique: spec.unique === true,
    long: spec.long === true,
    ...(spec.defaultValue === undefined ? {} : { defaultValue: spec.defaultValue }),
    source,
  };
}
