import type { StandardFieldSpec } from '../field-contracts';
import type { FieldType } from '../standard-field-table';
import type { FieldLimits } from './typeorm-columns';

/** How one field of an entity class is stored: the name the engine uses, and the property that holds it. */
export interface FieldModel {
  /** The standard field name (`name`), or the property name for a custom field (`plan`). */
  readonly field: string;
  /** The class property that holds the value (`displayName` when remapped). */
  readonly property: string;
  /** The standard field's contract, or `null` for the user's own fields. */
  readonly standard: StandardFieldSpec | null;
  /** The value a create uses when none is given: `@AuthDefault` first, then the contract's default. */
  readonly defaultValue: (() => unknown) | undefined;
  /** Whether a request body may set it (`@AuthField({ input: false })` says no). */
  readonly input: boolean;
  /**
   * What the field holds, resolved once at build (see field-shape.ts): `@AuthField({ type })`, else the TypeORM
   * column, else a primitive `design:type`. Request checks, codecs, OpenAPI and the schema tools all read this.
   */
  readonly type: FieldType;
  /** Whether it may hold `null`. */
  readonly nullable: boolean;
  /** The column's limits (integer range, `varchar(n)` length, enum values) and `@AuthField({ maxLength })`. */
  readonly limits: FieldLimits;
}
