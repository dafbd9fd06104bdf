import type { FieldType } from '../standard-field-table';

/**
 * What a TypeORM column decorator tells about the value it stores: the logical type, whether it takes `null`,
 * and the limits beyond which the database refuses a value (or silently changes it). Read from TypeORM's
 * recorded decorator arguments, so it works without decorator metadata and on both TypeORM majors.
 */
export interface ColumnShape {
  /** `null` when the column names no type and TypeORM would take TypeScript's `design:type`. */
  readonly type: FieldType | null;
  readonly nullable: boolean;
  readonly limits: FieldLimits;
}

/** The values a column accepts beyond its type. Every bound is inclusive. */
export interface FieldLimits {
  /** Characters of a string (a `varchar(n)`), or of a JSON value's text. */
  readonly maxLength?: number;
  /** Whole numbers only (`int`, `smallint`, `bigint`). */
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** The only values an `enum` column takes. */
  readonly enum?: readonly unknown[];
  /** A `uuid` column refuses any other text. */
  readonly uuid?: boolean;
}

/** The recorded arguments of one column decorator, as both TypeORM majors keep them. */
export interface ColumnArgs {
  readonly target: Function | string;
  readonly propertyName: string;
  readonly mode: string;
  readonly options: Record<string, unknown>;
}

/**
 * The column decorators on a class and its ancestors, one per property: TypeORM keeps the first declaration it
 * recorded (the base class's, decorated first), so this does too. TypeORM keeps its records on
 * `globalThis.typeormMetadataArgsStorage` (0.3 and 1.x alike); reading them there keeps typeorm optional.
 */
export function typeOrmColumns(chain: ReadonlySet<Function>): Map<string, ColumnArgs> {
  const storage = (globalThis as { typeormMetadataArgsStorage?: { columns?: ColumnArgs[] } }).typeormMetadataArgsStorage;
  const columns = new Map<string, ColumnArgs>();
  for (const column of storage?.columns ?? []) {
    if (typeof column.target === 'function' && chain.has(column.target) && !columns.has(column.propertyName)) columns.set(column.propertyName, column);
  }
  return columns;
}

const INT32: FieldLimits = { integer: true, min: -2_147_483_648, max: 2_147_483_647 };
// Ranges of the signed integer types the three dialects share; `unsigned` (MySQL) shifts them to start at 0.
const INTEGER_RANGES: Record<string, FieldLimits> = {
  smallint: { integer: true, min: -32_768, max: 32_767 },
  int2: { integer: true, min: -32_768, max: 32_767 },
  mediumint: { integer: true, min: -8_388_608, max: 8_388_607 },
  int: INT32,
  int4: INT32,
  integer: INT32,
  // A bigint beyond 2^53 cannot round-trip through a JavaScript number anyway.
  bigint: { integer: true, min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  int8: { integer: true, min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
};

/** Characters a MySQL TEXT column holds at worst (65,535 bytes of 4-byte utf8mb4); the bound for every `text`. */
export const TEXT_CHARACTERS = 16_383;
/** TypeORM's length for a `varchar` (and a `String` property) that names none. */
const DEFAULT_VARCHAR_LENGTH = 255;

/** The shape of one recorded column; `designType` is what TypeORM itself falls back on when the column names no type. */
export function columnShape(args: ColumnArgs, designType: Function | undefined): ColumnShape {
  const options = args.options;
  const nullable = options.nullable === true && options.primary !== true;
  if (args.mode === 'createDate' || args.mode === 'updateDate' || args.mode === 'deleteDate') return { type: 'date', nullable, limits: {} };
  if (args.mode === 'version') return { type: 'number', nullable, limits: INT32 };
  const declared = options.type ?? designType;
  if (typeof declared === 'function') return { ...constructorShape(declared, options), nullable };
  if (typeof declared !== 'string') return { type: null, nullable, limits: {} };
  return { ...namedShape(declared.toLowerCase(), options), nullable };
}

function constructorShape(type: Function, options: Record<string, unknown>): Omit<ColumnShape, 'nullable'> {
  if (type === String) return { type: 'string', limits: { maxLength: lengthOf(options) ?? DEFAULT_VARCHAR_LENGTH } };
  if (type === Number) return { type: 'number', limits: INT32 }; // TypeORM stores a bare `number` in an int column
  if (type === Boolean) return { type: 'boolean', limits: {} };
  if (type === Date) return { type: 'date', limits: {} };
  return { type: null, limits: {} };
}

function namedShape(name: string, options: Record<string, unknown>): Omit<ColumnShape, 'nullable'> {
  if (name === 'enum' && Array.isArray(options.enum)) return { type: 'string', limits: { enum: options.enum } };
  if (name === 'enum' && options.enum && typeof options.enum === 'object') return { type: 'string', limits: { enum: Object.values(options.enum) } };
  if (/^(bool|boolean|tinyint)$/.test(name)) return { type: 'boolean', limits: {} };
  const range = INTEGER_RANGES[name];
  if (range) return { type: 'number', limits: options.unsigned === true ? { integer: true, min: 0, max: (range.max ?? 0) * 2 + 1 } : range };
  if (/^(decimal|numeric|dec|fixed)$/.test(name)) return { type: 'number', limits: decimalLimits(options) };
  if (/int|float|double|real|money/.test(name)) return { type: 'number', limits: {} };
  if (/date|time/.test(name)) return { type: 'date', limits: {} };
  if (/json/.test(name) || name === 'simple-array') return { type: 'json', limits: {} };
  if (name === 'uuid') return { type: 'string', limits: { uuid: true } };
  if (name === 'tinytext') return { type: 'string', limits: { maxLength: 255 } };
  if (/text|clob/.test(name)) return { type: 'string', limits: { maxLength: TEXT_CHARACTERS } };
  return { type: 'string', limits: { maxLength: lengthOf(options) ?? DEFAULT_VARCHAR_LENGTH } };
}

/** `decimal(p, s)` holds numbers below 10^(p − s) in magnitude. */
function decimalLimits(options: Record<string, unknown>): FieldLimits {
  if (typeof options.precision !== 'number') return {};
  const scale = typeof options.scale === 'number' ? options.scale : 0;
  const largest = 10 ** (options.precision - scale) - 10 ** -scale; // decimal(5, 2): 999.99
  return { min: -largest, max: largest };
}

function lengthOf(options: Record<string, unknown>): number | undefined {
  const length = Number(options.length);
  return Number.isInteger(length) && length > 0 ? length : undefined;
}
