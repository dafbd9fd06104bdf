import type { StandardFieldSpec } from '../field-contracts';

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
  /** `@AuthField({ maxLength })`: the longest value a request may set; `undefined` leaves the default. */
  readonly maxLength?: number;
  /** The type TypeScript emitted for the property (`String`, `Number`, …), when it was decorated. */
  readonly designType: Function | undefined;
}
