import type { EntityKind } from './entity-kind';
import { STANDARD_FIELD_TABLE, type FieldType } from './standard-field-table';

/**
 * The standard fields of each kind as TypeScript sees them, derived from the one table of standard fields
 * (standard-field-table.ts). Base classes carry these; adapter inputs and API responses are written in these
 * names, whatever property a user class maps them to.
 */
export type Metadata = Record<string, unknown>;

/** The TypeScript type of each field type. */
interface ValueTypes {
  string: string;
  boolean: boolean;
  date: Date;
  json: Metadata;
  number: number;
}

/** The value a table row holds: its type's, plus `null` when the row says nullable. */
type ValueOf<Row> = (Row extends { type: infer T extends FieldType } ? ValueTypes[T] : never) | (Row extends { nullable: true } ? null : never);

/** The fields of kind `K`, one property per table row (its doc comment included). */
type FieldsFromTable<K extends EntityKind> = { -readonly [F in keyof Table[K]]: ValueOf<Table[K][F]> };

export interface StandardUser extends FieldsFromTable<'user'> {}
export interface StandardSession extends FieldsFromTable<'session'> {}
export interface StandardAccount extends FieldsFromTable<'account'> {}
export interface StandardOrganization extends FieldsFromTable<'organization'> {}
export interface StandardMember extends FieldsFromTable<'member'> {}
export interface StandardInvitation extends FieldsFromTable<'invitation'> {}
export interface StandardVerification extends FieldsFromTable<'verification'> {}

/**
 * The fields a create must be given, in the table's terms: not nullable, no default, not a feature's, and not
 * filled in by the adapter (the id, the timestamps). `'token' | 'userId' | 'expiresAt'` for a session.
 */
export type NeededOnCreate<K extends EntityKind> = {
  [F in keyof Table[K]]: Table[K][F] extends { primary: true } | { nullable: true } | { default: unknown } | { timestamp: unknown } | { optional: true } ? never : F;
}[keyof Table[K]] &
  string;

type Table = typeof STANDARD_FIELD_TABLE;

/** The statuses the organization plugin gives an invitation (the field itself is a plain string). */
export type InvitationStatus = 'pending' | 'accepted' | 'rejected' | 'canceled';

/** Each kind's standard fields, so code generic over a kind can name its interface. */
export interface StandardFieldsByKind {
  user: StandardUser;
  session: StandardSession;
  account: StandardAccount;
  organization: StandardOrganization;
  member: StandardMember;
  invitation: StandardInvitation;
  verification: StandardVerification;
}

/**
 * The standard fields of kind `K`. For a union of kinds (code generic over every kind) it is the union of
 * their interfaces, whose names are only the fields every kind has (`id`, `createdAt`).
 */
export type StandardFieldsOf<K extends EntityKind> = StandardFieldsByKind[K];

/** The name of a standard field of kind `K` (`'emailVerified'` for a user). */
export type StandardFieldName<K extends EntityKind> = keyof StandardFieldsOf<K> & string;
