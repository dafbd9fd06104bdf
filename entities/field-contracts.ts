import type { EntityKind } from './entity-kind';
import { STANDARD_FIELD_TABLE, type FieldType, type StandardFieldRow } from './standard-field-table';

export type { FieldType } from './standard-field-table';

/** One standard field of a kind: what it holds, whether every class of the kind must declare it, and its column. */
export interface StandardFieldSpec {
  readonly field: string;
  readonly type: FieldType;
  readonly nullable: boolean;
  /** Required fields are read by the core engine; a class without one is rejected at startup. */
  readonly required: boolean;
  /** The value a create uses when the caller gives none (a factory, so objects are never shared). */
  readonly defaultValue?: () => unknown;
  /** The column name in the shipped SQL (snake_case). */
  readonly column: string;
  readonly primary: boolean;
  /** Unique on its own. */
  readonly unique: boolean;
  /** A plain index on this column alone. */
  readonly index: boolean;
  /** Long text: `text` rather than `varchar(255)`. */
  readonly long: boolean;
  /** Set by the database layer on insert or on every write. */
  readonly timestamp?: 'create' | 'update';
  /** The kind whose id this field holds, with a foreign key to it. */
  readonly references?: EntityKind;
  /** Holds a record's id (its own, a reference, or one kept without a foreign key). */
  readonly holdsId: boolean;
}

function spec(field: string, row: StandardFieldRow): StandardFieldSpec {
  const fallback = row.default;
  return Object.freeze({
    field,
    type: row.type,
    nullable: row.nullable ?? false,
    required: !row.optional,
    // Object defaults (`metadata: {}`) are copied per create, so two records never share one object.
    defaultValue: fallback === undefined ? undefined : typeof fallback === 'object' ? () => ({ ...fallback }) : () => fallback,
    column: field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
    primary: row.primary ?? false,
    unique: row.unique ?? false,
    index: row.index ?? false,
    long: row.long ?? false,
    timestamp: row.timestamp,
    references: row.references,
    holdsId: row.primary === true || row.references !== undefined || row.holdsId === true,
  });
}

function contractOf(kind: EntityKind): readonly StandardFieldSpec[] {
  const rows: Readonly<Record<string, StandardFieldRow>> = STANDARD_FIELD_TABLE[kind];
  return Object.freeze(Object.entries(rows).map(([field, row]) => spec(field, row)));
}

/**
 * The field contract of each kind, read from the table of standard fields (standard-field-table.ts).
 * "Required" means the engine reads the field on its core paths; the optional ones belong to features
 * (usernames, admin, two-factor, organizations) and may be left out of a class that does not use them.
 */
export const FIELD_CONTRACTS: Readonly<Record<EntityKind, readonly StandardFieldSpec[]>> = Object.freeze({
  user: contractOf('user'),
  session: contractOf('session'),
  account: contractOf('account'),
  organization: contractOf('organization'),
  member: contractOf('member'),
  invitation: contractOf('invitation'),
  verification: contractOf('verification'),
});
