import { EntityDefinitionError } from '../entity-definition-error';
import type { StandardFieldSpec } from '../field-contracts';
import type { FieldType } from '../standard-field-table';
import { designType } from './declared-properties';
import { columnShape, type ColumnArgs, type ColumnShape, type FieldLimits } from './typeorm-columns';

/** What a field holds, resolved once when the model is built: every reader (input checks, codecs, schemas) uses this. */
export interface FieldShape {
  readonly type: FieldType;
  readonly nullable: boolean;
  readonly limits: FieldLimits;
}

/** What `@AuthField` said about a property (the most derived declaration of each option wins). */
export interface DeclaredOptions {
  readonly type?: FieldType;
  readonly nullable?: boolean;
  readonly maxLength?: number;
}

/**
 * A standard field's shape comes from the table of standard fields; the column only adds its limits (a
 * `varchar(255)` email), and only when it stores the same type.
 */
export function standardShape(target: Function, spec: StandardFieldSpec, property: string, column: ColumnArgs | undefined): FieldShape {
  const fromColumn = column ? columnShape(column, designType(target, property)) : undefined;
  const limits = fromColumn?.type === spec.type ? fromColumn.limits : {};
  return { type: spec.type, nullable: spec.nullable || !spec.required, limits };
}

/**
 * A custom field's shape, from the first source that knows: `@AuthField({ type, nullable })`, then the TypeORM
 * column, then TypeScript's `design:type` when it is a primitive constructor (it is `Object` for any union, and
 * absent under esbuild, tsx or Vite), then the value a property initialiser leaves (`plan = 'free'`).
 * A field a request may set must have a known type: guessing would let a request store what the column refuses.
 */
export function customShape(
  target: Function,
  property: string,
  options: { declared: DeclaredOptions; column: ColumnArgs | undefined; input: boolean; initial: unknown },
): FieldShape {
  const { declared, input } = options;
  const { type, fromColumn } = hintedType(target, property, options);
  if (!type && input) throw unknownType(target, property);
  const resolved = type ?? 'json'; // server-only and untyped: any JSON value, as before
  const columnLimits = fromColumn?.type === resolved ? fromColumn.limits : {};
  return {
    type: resolved,
    nullable: declared.nullable ?? fromColumn?.nullable ?? true,
    limits: withMaxLength(columnLimits, declared.maxLength),
  };
}

/**
 * What a class tells about a property's type, strongest source first (see `customShape`), with the shape of
 * its TypeORM column when it has one; `type` is `undefined` when nothing tells.
 * @example
 * hintedType(AppTwoFactor, 'secret', { declared: {}, column: columns.get('secret'), initial: undefined }).type; // 'string'
 */
export function hintedType(
  target: Function,
  property: string,
  options: { declared: DeclaredOptions; column: ColumnArgs | undefined; initial: unknown },
): { type: FieldType | undefined; fromColumn: ColumnShape | undefined } {
  const design = primitive(designType(target, property));
  const fromColumn = options.column ? columnShape(options.column, design) : undefined;
  const type = options.declared.type ?? fromColumn?.type ?? (design ? DESIGN_TYPES.get(design) : undefined) ?? typeOfValue(options.initial);
  return { type: type ?? undefined, fromColumn };
}

const DESIGN_TYPES = new Map<Function, FieldType>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
  [Date, 'date'],
]);

function primitive(type: Function | undefined): Function | undefined {
  return type && DESIGN_TYPES.has(type) ? type : undefined;
}

function typeOfValue(value: unknown): FieldType | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return typeof value as FieldType;
  if (value instanceof Date) return 'date';
  return undefined;
}

/** `@AuthField({ maxLength })` may narrow the column's length, never widen it past what the column holds. */
function withMaxLength(limits: FieldLimits, maxLength: number | undefined): FieldLimits {
  if (maxLength === undefined) return limits;
  return { ...limits, maxLength: limits.maxLength === undefined ? maxLength : Math.min(limits.maxLength, maxLength) };
}

function unknownType(target: Function, property: string): EntityDefinitionError {
  return new EntityDefinitionError(
    target.name,
    property,
    `a request may set this field, but its type is unknown (TypeScript records \`Object\` for a union such as \`string | null\`, and ` +
      `nothing at all without decorator metadata). Declare it: @AuthField({ type: 'string' | 'number' | 'boolean' | 'date' | 'json', nullable: true }), ` +
      `or a typed column such as @Column({ type: 'varchar', length: 255, nullable: true }); or mark it @AuthField({ input: false }).`,
  );
}
