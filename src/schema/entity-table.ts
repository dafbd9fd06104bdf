import type { EntityKind } from '../../entities/entity-kind';
import { FIELD_CONTRACTS, type FieldType } from '../../entities/field-contracts';
import { COMPOSITE_INDEXES } from '../../entities/standard-field-table';
import type { EntityModel } from '../../entities/model/entity-model';
import type { FieldModel } from '../../entities/model/field-model';
import { typeorm } from '../../entities/base/optional-typeorm';
import type { SchemaColumn, SchemaIndex, SchemaTable } from './auth-schema';

/** The tables of the shipped migrations: where a class without `@Entity` lives. */
export const DEFAULT_TABLE_NAMES: Readonly<Record<EntityKind, string>> = {
  user: 'users',
  session: 'sessions',
  account: 'accounts',
  verification: 'verifications',
  organization: 'organization',
  member: 'member',
  invitation: 'invitation',
};

/** Standard fields that point at another kind's record (from the table); deleting the record deletes what points at it. */
function coreReferences(kind: EntityKind): Record<string, EntityKind> {
  return Object.fromEntries(FIELD_CONTRACTS[kind].flatMap((spec) => (spec.references ? [[spec.field, spec.references]] : [])));
}

/** Indexes behind the lookups the adapters make (from the table): the several-field ones, then the one-field ones. */
function coreIndexes(kind: EntityKind): ReadonlyArray<{ fields: readonly string[]; unique: boolean }> {
  const single = FIELD_CONTRACTS[kind].filter((spec) => spec.index).map((spec) => ({ fields: [spec.field], unique: false }));
  return [...(COMPOSITE_INDEXES[kind] ?? []), ...single];
}

type ColumnArgs = { target: Function | string; propertyName: string; mode: string; options: Record<string, unknown> };

/**
 * The table an entity class lives in, read from its entity model and, where the class carries TypeORM
 * decorators, from TypeORM's recorded metadata (table name, column names, types, nullability, defaults): the
 * same names the TypeORM adapter queries. Without TypeORM decorators the shipped names apply (snake_case).
 * References are given by kind here; `getAuthSchema` resolves them to table names.
 * @example
 * entityTable(models.user).name; // 'users'
 */
export function entityTable(model: EntityModel): SchemaTable & { kindReferences: Record<string, EntityKind> } {
  const orm = typeormArgs(model.target);
  const columns: SchemaColumn[] = [];
  for (const field of model.fields) {
    const args = orm?.columns.find((column) => column.propertyName === field.property);
    // The TypeORM adapter stores only properties with a column; a class without TypeORM decorators stores all.
    if (orm && !args) continue;
    columns.push(args && orm ? fromTypeOrm(field, args, orm.generated(field.property)) : fromModel(field));
  }
  const columnOf = (field: string) => columns.find((column) => column.field === field)?.name;
  const indexes: SchemaIndex[] = [];
  for (const index of coreIndexes(model.kind)) {
    const names = index.fields.map(columnOf);
    if (names.every((name): name is string => name !== undefined)) indexes.push({ columns: names, unique: index.unique });
  }
  return {
    model: model.kind,
    name: orm?.table ?? DEFAULT_TABLE_NAMES[model.kind],
    source: 'core',
    columns,
    indexes,
    kindReferences: coreReferences(model.kind),
  };
}

function fromTypeOrm(field: FieldModel, args: ColumnArgs, generated: string | undefined): SchemaColumn {
  const options = args.options;
  const dated = args.mode === 'createDate' || args.mode === 'updateDate';
  const autoIncrement = generated === 'increment' || generated === 'identity';
  // Standard fields keep the type the column names (a numeric id); custom fields take the resolved model's.
  const type: FieldType = autoIncrement ? 'number' : dated ? 'date' : field.standard ? logicalType(options.type, field.type) : field.type;
  const primaryKey = options.primary === true || generated !== undefined || field.field === 'id';
  const fallback = constantDefault(options.default) ?? jsonDefault(field);
  return {
    field: field.field,
    name: typeof options.name === 'string' ? options.name : field.property,
    type,
    nullable: options.nullable === true && !primaryKey,
    primaryKey,
    autoIncrement,
    unique: options.unique === true || field.standard?.unique === true,
    long: typeof options.type === 'string' && /text$/i.test(options.type),
    ...customDetail(field),
    ...(dated ? { defaultValue: { now: true as const } } : fallback === undefined ? {} : { defaultValue: fallback }),
    ...(args.mode === 'updateDate' ? { nowOnUpdate: true } : {}),
    source: 'core',
  };
}

function fromModel(field: FieldModel): SchemaColumn {
  const standard = field.standard;
  const type = field.type;
  const fallback = standard?.defaultValue ? constantDefault(standard.defaultValue()) : undefined;
  const timestamp = standard?.timestamp !== undefined;
  return {
    field: field.field,
    name: standard?.column ?? snakeCase(field.property),
    type,
    // Custom fields without a column declaration may be absent from rows other code inserts: nullable.
    nullable: standard ? standard.nullable || !standard.required : true,
    primaryKey: field.field === 'id',
    autoIncrement: false,
    unique: standard?.unique === true,
    long: standard?.long === true || (!standard && field.type === 'string' && (field.limits.maxLength ?? 0) > 255),
    ...customDetail(field),
    ...(timestamp ? { defaultValue: { now: true as const } } : fallback === undefined ? {} : { defaultValue: fallback }),
    ...(standard?.timestamp === 'update' ? { nowOnUpdate: true } : {}),
    source: 'core',
  };
}

/** A custom field's column details from the resolved model: whole numbers get an integer column, `varchar(n)` keeps its n. */
function customDetail(field: FieldModel): Pick<SchemaColumn, 'length' | 'integer' | 'wide'> {
  if (field.standard) return {};
  const { integer, max, maxLength } = field.limits;
  if (field.type === 'number' && integer) return { integer: true, ...(max !== undefined && max > 2_147_483_647 ? { wide: true } : {}) };
  if (field.type === 'string' && maxLength !== undefined && maxLength <= 255) return { length: maxLength };
  return {};
}

/**
 * The table's default for a standard JSON field (`metadata: {}`). A portable JSON column cannot declare it to
 * TypeORM (simple-json is TEXT on MySQL, which takes TEXT defaults only as expressions), so it stands in.
 */
function jsonDefault(field: FieldModel): SchemaColumn['defaultValue'] {
  const standard = field.standard;
  return standard?.type === 'json' && standard.defaultValue ? constantDefault(standard.defaultValue()) : undefined;
}

/** The logical type of a TypeORM column type (a name or a constructor), else the field model's. */
export function logicalType(type: unknown, fallback: FieldType): FieldType {
  const named = typeof type === 'string' ? type.toLowerCase() : undefined;
  const ctor = typeof type === 'function' ? type : undefined;
  if (named === undefined && ctor === undefined) return fallback;
  if (named) {
    if (/^(bool|boolean|tinyint)$/.test(named)) return 'boolean';
    if (/int|float|double|real|decimal|numeric/.test(named)) return 'number';
    if (/date|time/.test(named)) return 'date';
    if (/json/.test(named)) return 'json';
    return 'string';
  }
  if (ctor === Boolean) return 'boolean';
  if (ctor === Number) return 'number';
  if (ctor === Date) return 'date';
  if (ctor === Object || ctor === Array) return 'json';
  return 'string';
}

/** A default the database can hold: constants and plain JSON, never a function's changing result. */
function constantDefault(value: unknown): SchemaColumn['defaultValue'] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value !== null && typeof value === 'object' && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype)) {
    return value as Record<string, unknown>;
  }
  return undefined;
}

export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** TypeORM's recorded decorators for a class and its ancestors, or `null` when it has no `@Entity`. */
function typeormArgs(target: Function): { table: string; columns: ColumnArgs[]; generated(property: string): string | undefined } | null {
  if (!typeorm) return null;
  const storage = typeorm.getMetadataArgsStorage();
  const table = storage.tables.find((entry) => entry.target === target);
  if (!table) return null;
  const chain: Array<Function | string> = [];
  for (let current: Function | null = target; current && current !== Function.prototype; current = Object.getPrototypeOf(current)) chain.push(current);
  // TypeORM keeps the first declaration of a property in decoration order (the base class's), so do we.
  const columns: ColumnArgs[] = [];
  for (const column of storage.columns as unknown as ColumnArgs[]) {
    if (chain.includes(column.target) && !columns.some((known) => known.propertyName === column.propertyName)) columns.push(column);
  }
  return {
    table: table.name ?? snakeCase(target.name),
    columns,
    generated: (property) => storage.generations.find((entry) => chain.includes(entry.target) && entry.propertyName === property)?.strategy,
  };
}
