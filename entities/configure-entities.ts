import { BaseAccount } from './base/base-account';
import { BaseSession } from './base/base-session';
import { BaseUser } from './base/base-user';
import { BaseVerification } from './base/base-verification';
import { typeorm } from './base/optional-typeorm';
import { AuthDefault } from './decorators/auth-default';
import { AuthField } from './decorators/auth-field';
import { AuthAccount, AuthSession, AuthUser, AuthVerification } from './decorators/entity-decorators';
import type { EntityClass } from './model/entity-model';
import type { EntityKind } from './entity-kind';
import { FIELD_CONTRACTS, type FieldType } from './field-contracts';

/**
 * A field added by configuration rather than by writing a class (better-auth's `additionalFields`).
 * @example
 * { type: 'string', required: true, defaultValue: 'free', input: false }
 */
export interface AdditionalField {
  type: FieldType;
  /** NOT NULL in SQL (default false: the column is nullable). */
  required?: boolean;
  /** Used when a create gives no value: a constant (also the column's database default) or a factory. */
  defaultValue?: unknown;
  /** Whether a request body may set it (default true); `false` keeps it for server code. */
  input?: boolean;
  /** The SQL column name (default: the field name in snake_case). */
  fieldName?: string;
  unique?: boolean;
  /** The longest value a request may set (default 255 characters for strings, 16384 for JSON text). */
  maxLength?: number;
}

/** The options of one kind: its table, the columns of its standard fields, and fields to add. */
export interface KindOptions {
  /** The SQL table (default: the shipped name, `users`, `sessions`, …). */
  modelName?: string;
  /** Standard field → SQL column, e.g. `{ name: 'full_name' }`; API field names stay the standard ones. */
  fields?: Partial<Record<string, string>>;
  additionalFields?: Record<string, AdditionalField>;
}

/** Options per kind, for the four core kinds. */
export interface ConfigureEntitiesOptions {
  user?: KindOptions;
  session?: KindOptions;
  account?: KindOptions;
  verification?: KindOptions;
}

const BASES = { user: BaseUser, session: BaseSession, account: BaseAccount, verification: BaseVerification } as const;
const KIND_DECORATORS = { user: AuthUser, session: AuthSession, account: AuthAccount, verification: AuthVerification } as const;
const TABLES = { user: 'users', session: 'sessions', account: 'accounts', verification: 'verifications' } as const;
const CLASS_NAMES = { user: 'ConfiguredUser', session: 'ConfiguredSession', account: 'ConfiguredAccount', verification: 'ConfiguredVerification' } as const;

type ConfiguredKind = keyof ConfigureEntitiesOptions;

/**
 * Entity classes built from options, for apps that configure rather than write classes: custom table and
 * column names and additional fields, as better-auth's `user: { modelName, fields, additionalFields }`. The
 * result is ordinary entity classes (the base classes plus the options), so both adapters, the schema tools
 * and every query see the names and fields exactly as if the classes had been written by hand.
 * @example
 * const entities = configureEntities({
 *   user: { modelName: 'people', fields: { name: 'full_name' }, additionalFields: { plan: { type: 'string', defaultValue: 'free', input: false } } },
 * });
 * new MemoryDatabaseAdapter(entities);
 * await TypeOrmAdapter.connect(url, entities);
 */
export function configureEntities(options: ConfigureEntitiesOptions): Partial<Record<ConfiguredKind, EntityClass<object>>> {
  const classes: Partial<Record<ConfiguredKind, EntityClass<object>>> = {};
  for (const kind of Object.keys(BASES) as ConfiguredKind[]) {
    const kindOptions = options[kind];
    if (kindOptions) classes[kind] = configuredClass(kind, kindOptions);
  }
  return classes;
}

function configuredClass(kind: ConfiguredKind, options: KindOptions): EntityClass<object> {
  const Base = BASES[kind] as unknown as abstract new () => object;
  const Configured = class extends Base {};
  Object.defineProperty(Configured, 'name', { value: CLASS_NAMES[kind] });
  const prototype = Configured.prototype as object;

  for (const [name, field] of Object.entries(options.additionalFields ?? {})) {
    if (FIELD_CONTRACTS[kind as EntityKind].some((spec) => spec.field === name)) {
      throw new TypeError(`${kind}.additionalFields.${name}: "${name}" is a standard ${kind} field; rename the column with ${kind}.fields instead.`);
    }
    AuthField({ type: field.type, nullable: field.required !== true, input: field.input ?? true, maxLength: field.maxLength })(prototype, name);
    if (field.defaultValue !== undefined) AuthDefault(field.defaultValue)(prototype, name);
    typeorm?.Column({
      name: field.fieldName ?? name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase(),
      ...COLUMN_TYPES[field.type],
      nullable: field.required !== true,
      unique: field.unique === true,
      ...(isConstant(field.defaultValue) ? { default: field.defaultValue } : {}),
    })(prototype, name);
  }
  if (typeorm) {
    renameColumns(kind, Configured, options.fields ?? {});
    typeorm.Entity(options.modelName ?? TABLES[kind], { synchronize: false })(Configured);
  }
  KIND_DECORATORS[kind]()(Configured);
  return Configured as unknown as EntityClass<object>;
}

/**
 * Gives standard fields other column names. TypeORM keeps the first declaration of a property it meets in its
 * metadata storage (the base class's, declared at import), so the renamed declaration is inserted before it.
 */
function renameColumns(kind: ConfiguredKind, target: Function, fields: Partial<Record<string, string>>): void {
  const storage = typeorm!.getMetadataArgsStorage();
  for (const [field, column] of Object.entries(fields)) {
    if (!column) continue;
    const index = storage.columns.findIndex((args) => args.target === BASES[kind] && args.propertyName === field);
    if (index < 0) throw new TypeError(`${kind}.fields.${field}: ${kind} has no standard field "${field}" to rename.`);
    const original = storage.columns[index]!;
    storage.columns.splice(index, 0, { ...original, target, options: { ...original.options, name: column } });
  }
}

// Portable column types, as the base classes choose them (see standard-column.ts).
const COLUMN_TYPES: Record<FieldType, { type: 'varchar' | 'double precision' | 'boolean' | 'simple-json' | DateConstructor; length?: number; precision?: number }> = {
  string: { type: 'varchar', length: 255 },
  number: { type: 'double precision' },
  boolean: { type: 'boolean' },
  date: { type: Date, precision: 6 },
  json: { type: 'simple-json' },
};

function isConstant(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
