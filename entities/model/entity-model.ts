import type { EntityKind } from '../entity-kind';
import type { StandardFieldName, StandardFieldsOf } from '../standard-fields';
import type { FieldModel } from './field-model';

/** A class the engine can instantiate: entity classes take no constructor arguments (TypeORM's rule too). */
export type EntityClass<T extends object = object> = new () => T;

/** Plain values keyed by standard field name (or custom property name): what the engine and the API speak. */
export type FieldValues = Record<string, unknown>;

/**
 * The validated shape of one entity class: which property holds each standard field, which custom fields it
 * adds, and their defaults. Built once per class; adapters and the engine read and write entities through it,
 * so a remapped property (`displayName` serving `name`) is handled in exactly one place.
 */
export class EntityModel<T extends object = object, K extends EntityKind = EntityKind> {
  /** Standard and custom fields, in declaration-contract order. */
  readonly fields: readonly FieldModel[];
  private readonly byField = new Map<string, FieldModel>();
  private readonly byProperty = new Map<string, FieldModel>();

  constructor(
    readonly kind: K,
    readonly target: EntityClass<T>,
    fields: readonly FieldModel[],
  ) {
    this.fields = Object.freeze([...fields]);
    this.customFields = Object.freeze(fields.filter((field) => field.standard === null));
    this.dateFields = Object.freeze(fields.filter((field) => field.type === 'date'));
    for (const field of fields) {
      this.byField.set(field.field, field);
      this.byProperty.set(field.property, field);
    }
  }

  get className(): string {
    return this.target.name;
  }

  /** The field model for a standard field name or a custom property name, if the class has it. */
  field(name: string): FieldModel | undefined {
    return this.byField.get(name) ?? this.byProperty.get(name);
  }

  has(name: string): boolean {
    return this.field(name) !== undefined;
  }

  /** The user's own (non-standard) fields. Computed once: request handlers read it on every write. */
  readonly customFields: readonly FieldModel[];
  /** The fields holding dates, for codecs that revive them from JSON (the session cache reads this per request). */
  readonly dateFields: readonly FieldModel[];

  /**
   * A new instance of the class holding `values`; fields left out get their defaults, then `null`.
   * Keys the class does not declare are ignored, so a request body can never set an unknown property.
   */
  create(values: FieldValues): T {
    const entity = new this.target() as Record<string, unknown>;
    for (const field of this.fields) {
      const given = pick(values, field);
      if (given !== undefined) entity[field.property] = given;
      else if (field.defaultValue) entity[field.property] = field.defaultValue();
      else if (entity[field.property] === undefined) entity[field.property] = null;
    }
    return entity as T;
  }

  /**
   * Reads a standard field, typed by the kind's contract: a misspelt name does not compile, and the value
   * comes back as the field's type (`read(user, 'emailVerified')` is a `boolean`). The value is whatever the
   * class holds; an optional field the class leaves out reads as `undefined`.
   * @example
   * const userId = models.user.read(user, 'id'); // string, from `user.id` or the property mapped to `id`
   */
  read<N extends StandardFieldName<K>>(entity: T, name: N): StandardFieldsOf<K>[N] {
    return this.readUnchecked(entity, name) as StandardFieldsOf<K>[N];
  }

  /**
   * Reads a field whose name is only known at run time (a custom field, an index key, a sort column): nothing
   * is checked at compile time, so prefer `read` for standard fields. `undefined` when the class lacks it.
   * @example
   * models.user.readUnchecked(user, 'plan'); // unknown
   */
  readUnchecked(entity: T, name: string): unknown {
    const field = this.field(name);
    return field ? (entity as Record<string, unknown>)[field.property] : undefined;
  }

  /** Writes the known fields of `patch` onto `entity`; unknown keys are ignored. */
  assign(entity: T, patch: FieldValues): T {
    const target = entity as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const field = this.field(key);
      if (field) target[field.property] = value;
    }
    return entity;
  }

  /** A copy of an instance, of the same class, sharing no mutable field with the original. */
  clone(entity: T): T {
    const copy = Object.create(Object.getPrototypeOf(entity)) as Record<string, unknown>;
    const source = entity as Record<string, unknown>;
    for (const key of Object.keys(source)) copy[key] = copyValue(source[key]);
    return copy as T;
  }

  /** The entity as plain values keyed by standard field names plus custom property names (the API shape). */
  toValues(entity: T, omit: ReadonlySet<string> = NOTHING): FieldValues {
    const source = entity as Record<string, unknown>;
    const values: FieldValues = {};
    for (const field of this.fields) {
      if (!omit.has(field.field)) values[field.field] = source[field.property] ?? null;
    }
    return values;
  }
}

const NOTHING: ReadonlySet<string> = new Set();

/** A value given under the standard field name wins; the property name is accepted too. */
function pick(values: FieldValues, field: FieldModel): unknown {
  const byField = values[field.field];
  return byField !== undefined ? byField : values[field.property];
}

function copyValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime());
  return copyFlat(value) ?? structuredClone(value);
}

/**
 * A copy of a plain object or array whose values are all primitives (`metadata: {}`, a list of scopes), or
 * `undefined` for anything else. Why: entities are copied on every memory-adapter read, and `structuredClone`
 * costs several times more than this for the small JSON values entities hold; nested values still go to it.
 */
function copyFlat(value: object): object | undefined {
  const prototype = Object.getPrototypeOf(value);
  const isArray = prototype === Array.prototype && Array.isArray(value);
  if (!isArray && prototype !== Object.prototype && prototype !== null) return undefined;
  const source = value as Record<string, unknown>;
  const copy = (isArray ? new Array((value as unknown[]).length) : Object.create(prototype)) as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const item = source[key];
    if (item !== null && typeof item === 'object') return undefined;
    copy[key] = item;
  }
  return copy;
}
