import { EntityDefinitionError } from '../entity-definition-error';
import { classChain, getMetadataStorage } from '../metadata-storage';
import type { FieldType } from '../standard-field-table';
import { declaredProperties } from './declared-properties';
import { hintedType } from './field-shape';
import { assertConstructible, declaredOptions, initialValues, recordedDefaults } from './recorded-options';
import { TEXT_CHARACTERS, typeOrmColumns, type ColumnArgs, type FieldLimits } from './typeorm-columns';

/** A field of a plugin table as the plugin declared it: the part of better-auth's field shape a class must agree with. */
export interface DeclaredRecordField {
  readonly type: FieldType;
  readonly required?: boolean;
  readonly long?: boolean;
  /** The column name the plugin asked for; a class's own column name wins. */
  readonly fieldName?: string;
}

/** A plugin table as declared, with who declared it (for error messages) and its SQL name when no class says one. */
export interface DeclaredRecordTable {
  readonly model: string;
  /** The id of the plugin that declared it. */
  readonly owner: string;
  /** The table's SQL name from the declaration (`modelName`), used when the class is not a TypeORM entity. */
  readonly table: string;
  readonly fields: Readonly<Record<string, DeclaredRecordField>>;
}

/** One stored property of a record class: a field the plugin declared, or one of the app's own columns. */
export interface RecordFieldModel {
  /** The plugin's field name (`secret`), or the property name of the app's own column. */
  readonly field: string;
  readonly property: string;
  /** The SQL column name. */
  readonly column: string;
  readonly type: FieldType;
  readonly nullable: boolean;
  /** Declared by the plugin (read and written by it), rather than the app's own. */
  readonly declared: boolean;
  /** For the app's own columns: the value a plugin's create writes (`@AuthDefault`, else the initialiser). */
  readonly defaultValue?: () => unknown;
  /** The TypeORM column decorator's arguments, when the class has one for this property. */
  readonly columnArgs?: ColumnArgs;
  readonly limits: FieldLimits;
}

/**
 * The app's class for a plugin table, checked against the plugin's declaration: which property and column
 * hold each declared field, and which columns are the app's own.
 * @example
 * const model = buildRecordClassModel(AppTwoFactor, declared);
 * model.table; // 'mfa_secrets'
 * model.fields.find((field) => field.field === 'secret')?.column; // 'totp_secret'
 */
export interface RecordClassModel {
  readonly model: string;
  readonly target: Function;
  /** The SQL table name: the TypeORM `@Entity` name, else the declaration's. */
  readonly table: string;
  /** `id` first, then the declared fields in declaration order, then the app's own columns. */
  readonly fields: readonly RecordFieldModel[];
}

const ID_FIELD: DeclaredRecordField = { type: 'string', required: true };

/**
 * Checks a class tagged `@AuthRecord(model)` against the plugin's declared table and returns how it stores
 * it. Every declared field (and `id`) must be a property of the class, of the declared type; a field the
 * plugin may leave `null` needs a nullable column, a long one a `text` column; the app's own columns must
 * take a plugin write that leaves them out (nullable, `@AuthDefault`, or a column default). Throws an
 * `EntityDefinitionError` naming the class, the property and the fix.
 * @example
 * buildRecordClassModel(AppTwoFactor, { model: 'twoFactor', owner: 'two-factor', table: 'two_factor', fields: twoFactorModel.fields });
 */
export function buildRecordClassModel(target: Function, declared: DeclaredRecordTable): RecordClassModel {
  assertConstructible(target);
  assertTaggedFor(target, declared.model);
  const chain = new Set(classChain(target));
  const columns = typeOrmColumns(chain);
  const entityTable = typeOrmTableName(target);
  const options = declaredOptions(target);
  const defaults = recordedDefaults(target);
  const initial = initialValues(target);
  const remaps = remappedFields(target, declared);
  const properties = declaredProperties(target);
  const claimed = new Set<string>();
  const fields: RecordFieldModel[] = [];

  for (const [field, spec] of [['id', ID_FIELD] as const, ...Object.entries(declared.fields)]) {
    const property = remaps.get(field) ?? field;
    const column = columns.get(property);
    if (!properties.has(property) || (entityTable && !column)) throw missingField(target, declared, field, spec, entityTable !== null);
    claimed.add(property);
    const { type, fromColumn } = hintedType(target, property, { declared: options.get(property) ?? {}, column, initial: initial[property] });
    if (type !== undefined && type !== spec.type) {
      throw new EntityDefinitionError(target.name, property, `holds a ${type}, but the plugin "${declared.owner}" stores a ${spec.type} in ${declared.model}.${field}; change the property's (or its column's) type to ${spec.type}.`);
    }
    const nullable = options.get(property)?.nullable ?? fromColumn?.nullable ?? spec.required !== true;
    if (!nullable && spec.required !== true) {
      throw new EntityDefinitionError(target.name, property, `the plugin "${declared.owner}" may leave ${declared.model}.${field} null, but the column is NOT NULL; declare it nullable (@Column({ nullable: true }) or @AuthField({ nullable: true })).`);
    }
    const limits = fromColumn?.type === spec.type ? fromColumn.limits : {};
    assertFits(target, property, field, spec, limits, declared);
    fields.push({
      field,
      property,
      column: column ? columnName(column) : field === 'id' ? 'id' : (spec.fieldName ?? snakeCase(field)),
      type: spec.type,
      nullable: nullable && field !== 'id',
      declared: true,
      ...(column ? { columnArgs: column } : {}),
      limits,
    });
  }

  for (const property of properties) {
    if (claimed.has(property)) continue;
    const column = columns.get(property);
    // A TypeORM entity stores only properties with a column, as for the seven kinds.
    if (entityTable && !column) continue;
    if (Object.prototype.hasOwnProperty.call(declared.fields, property)) {
      throw new EntityDefinitionError(target.name, property, `is named like the field ${declared.model}.${property}, which another property holds through @AuthField('${property}'); rename one of them.`);
    }
    const { type, fromColumn } = hintedType(target, property, { declared: options.get(property) ?? {}, column, initial: initial[property] });
    const nullable = options.get(property)?.nullable ?? fromColumn?.nullable ?? true;
    const defaultValue = defaults.get(property) ?? (initial[property] !== undefined ? freshInitialValue(target, property) : undefined);
    if (!nullable && !defaultValue && !hasColumnDefault(column)) {
      throw new EntityDefinitionError(target.name, property, `is NOT NULL and the plugin "${declared.owner}" never writes it, so its creates would fail; give it @AuthDefault(value), a column default, or make it nullable.`);
    }
    const resolved = type ?? 'json';
    fields.push({
      field: property,
      property,
      column: column ? columnName(column) : snakeCase(property),
      type: resolved,
      nullable,
      declared: false,
      ...(defaultValue ? { defaultValue } : {}),
      ...(column ? { columnArgs: column } : {}),
      limits: fromColumn?.type === resolved ? fromColumn.limits : {},
    });
  }
  return Object.freeze({ model: declared.model, target, table: entityTable ?? declared.table, fields: Object.freeze(fields) });
}

/** The nearest `@AuthRecord` tag must name this model. */
function assertTaggedFor(target: Function, model: string): void {
  const records = getMetadataStorage().records;
  for (const cls of classChain(target)) {
    const tag = records.find((record) => record.target === cls);
    if (!tag) continue;
    if (tag.model === model) return;
    throw new EntityDefinitionError(target.name, null, `is tagged @AuthRecord('${tag.model}') but was used for the table '${model}'; tag it @AuthRecord('${model}').`);
  }
  throw new EntityDefinitionError(target.name, null, `is not tagged as a plugin record class; add @AuthRecord('${model}') above the class.`);
}

/** declared field → property, from `@AuthField('secret')` on a property of another name. */
function remappedFields(target: Function, declared: DeclaredRecordTable): Map<string, string> {
  const chain = new Set(classChain(target));
  const names = ['id', ...Object.keys(declared.fields)];
  const remaps = new Map<string, string>();
  for (const record of getMetadataStorage().fields) {
    if (!chain.has(record.target) || record.field === null) continue;
    if (!names.includes(record.field)) {
      throw new EntityDefinitionError(target.name, record.property, `@AuthField('${record.field}') names no field of the plugin table ${declared.model}; use one of: ${names.join(', ')}.`);
    }
    const existing = remaps.get(record.field);
    if (existing !== undefined && existing !== record.property) {
      throw new EntityDefinitionError(target.name, record.property, `both '${existing}' and '${record.property}' are mapped to ${declared.model}.${record.field}; keep one @AuthField('${record.field}').`);
    }
    remaps.set(record.field, record.property);
  }
  return remaps;
}

/** Values a plugin writes must fit the column: long text needs `text`, and plugins make their own string ids. */
function assertFits(target: Function, property: string, field: string, spec: DeclaredRecordField, limits: FieldLimits, declared: DeclaredRecordTable): void {
  if (spec.long && limits.maxLength !== undefined && limits.maxLength < TEXT_CHARACTERS) {
    throw new EntityDefinitionError(target.name, property, `the plugin "${declared.owner}" stores long text in ${declared.model}.${field}, but the column holds ${limits.maxLength} characters; declare it @Column({ type: 'text' }).`);
  }
  if (field === 'id' && (limits.uuid || limits.integer)) {
    throw new EntityDefinitionError(target.name, property, `plugins make their own text ids (32 characters), which a ${limits.uuid ? 'uuid' : 'number'} column refuses; declare it @PrimaryColumn({ type: 'varchar', length: 36 }).`);
  }
}

function missingField(target: Function, declared: DeclaredRecordTable, field: string, spec: DeclaredRecordField, entity: boolean): EntityDefinitionError {
  const type = `${spec.type}${spec.required ? '' : ' | null'}`;
  const fix = entity
    ? `add a column for it (@Column(...) ${field}!: …, or on another property with @AuthField('${field}'))`
    : `declare it (@AuthField() ${field}!: …, or @AuthField('${field}') on the property that holds it)`;
  return new EntityDefinitionError(target.name, field, `the plugin "${declared.owner}" stores ${declared.model}.${field} (${type}) in this table; ${fix}.`);
}

/** TypeORM's name for a class's table (`@Entity('name')`, else the class name in snake_case), or `null` without `@Entity`. */
function typeOrmTableName(target: Function): string | null {
  const storage = (globalThis as { typeormMetadataArgsStorage?: { tables?: Array<{ target: Function | string; name?: string }> } }).typeormMetadataArgsStorage;
  const table = storage?.tables?.find((entry) => entry.target === target);
  if (!table) return null;
  return table.name ?? snakeCase(target.name);
}

function columnName(column: ColumnArgs): string {
  return typeof column.options.name === 'string' ? column.options.name : column.propertyName;
}

/** Whether the database fills the column when an insert leaves it out. */
function hasColumnDefault(column: ColumnArgs | undefined): boolean {
  if (!column) return false;
  return column.options.default !== undefined || ['createDate', 'updateDate', 'version'].includes(column.mode) || column.options.primary === true;
}

/** An initialiser's value, fresh per row (a new instance each time, so objects are never shared). */
function freshInitialValue(target: Function, property: string): () => unknown {
  return () => (new (target as new () => Record<string, unknown>)())[property];
}

function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
