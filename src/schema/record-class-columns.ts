import type { RecordClassModel, RecordFieldModel } from '../../entities/model/record-class-model';
import type { PluginField, SchemaColumn } from './auth-schema';

/** The source of the app's own columns in a plugin table (see `SchemaColumn.source`). */
export const APP_COLUMN_SOURCE = 'app';

/**
 * The columns of a plugin table the app gave its own class: the class's column names, the plugin's types,
 * and from the class's columns what the declaration cannot know (`varchar(n)`, `text`, nullability, defaults);
 * then the app's own columns. References are resolved by `getAuthSchema`, as for declared tables.
 * @example
 * recordClassColumns(model, declared.fields, 'two-factor').map((column) => column.name); // ['id', 'totp_secret', …, 'label']
 */
export function recordClassColumns(model: RecordClassModel, fields: Readonly<Record<string, PluginField>>, owner: string): SchemaColumn[] {
  return model.fields.map((field) => classColumn(field, field.declared ? fields[field.field] : undefined, field.declared ? owner : APP_COLUMN_SOURCE));
}

function classColumn(field: RecordFieldModel, spec: PluginField | undefined, source: string): SchemaColumn {
  const options = field.columnArgs?.options ?? {};
  const mode = field.columnArgs?.mode;
  const dated = mode === 'createDate' || mode === 'updateDate';
  const long = spec?.long === true || (typeof options.type === 'string' && /text$/i.test(options.type));
  const fallback = spec?.defaultValue ?? constant(options.default);
  const { integer, max, maxLength } = field.limits;
  return {
    field: field.field,
    name: field.column,
    type: field.type,
    nullable: field.nullable,
    primaryKey: field.field === 'id' && field.declared,
    autoIncrement: false,
    unique: spec?.unique === true || options.unique === true,
    long,
    ...(field.type === 'string' && !long && maxLength !== undefined && maxLength <= 255 ? { length: maxLength } : {}),
    ...(field.type === 'number' && integer ? { integer: true, ...(max !== undefined && max > 2_147_483_647 ? { wide: true } : {}) } : {}),
    ...(dated ? { defaultValue: { now: true as const } } : fallback === undefined ? {} : { defaultValue: fallback }),
    ...(mode === 'updateDate' ? { nowOnUpdate: true } : {}),
    source,
  };
}

/** A default the database can hold: a constant, never a function's changing result. */
function constant(value: unknown): SchemaColumn['defaultValue'] {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}
