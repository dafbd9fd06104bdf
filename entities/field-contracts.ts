import type { EntityKind } from './entity-kind';

/** The value types a standard field can hold; adapters and the schema tools map them to columns. */
export type FieldType = 'string' | 'boolean' | 'date' | 'json' | 'number';

/** One standard field of a kind: what it holds, and whether every class of the kind must declare it. */
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
}

function spec(
  field: string,
  type: FieldType,
  options: { nullable?: boolean; required?: boolean; defaultValue?: () => unknown } = {},
): StandardFieldSpec {
  return Object.freeze({
    field,
    type,
    nullable: options.nullable ?? false,
    required: options.required ?? true,
    defaultValue: options.defaultValue,
    column: field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
  });
}

const optionalString = { nullable: true, required: false } as const;
const optionalDate = { nullable: true, required: false } as const;
const falseByDefault = { required: false, defaultValue: () => false } as const;

/**
 * The field contract of each kind. "Required" means the engine reads the field on its core paths;
 * the optional ones belong to features (usernames, admin, two-factor, organizations) and may be left
 * out of a class that does not use them.
 */
export const FIELD_CONTRACTS: Readonly<Record<EntityKind, readonly StandardFieldSpec[]>> = Object.freeze({
  user: [
    spec('id', 'string'),
    spec('email', 'string', { nullable: true }),
    spec('name', 'string', { nullable: true }),
    spec('emailVerified', 'boolean', { defaultValue: () => false }),
    spec('image', 'string', { nullable: true }),
    spec('createdAt', 'date'),
    spec('updatedAt', 'date'),
    spec('username', 'string', optionalString),
    spec('displayUsername', 'string', optionalString),
    spec('twoFactorEnabled', 'boolean', falseByDefault),
    spec('role', 'string', optionalString),
    spec('banned', 'boolean', falseByDefault),
    spec('banReason', 'string', optionalString),
    spec('banExpires', 'date', optionalDate),
    spec('metadata', 'json', { required: false, defaultValue: () => ({}) }),
  ],
  session: [
    spec('id', 'string'),
    spec('token', 'string'),
    spec('userId', 'string'),
    spec('expiresAt', 'date'),
    spec('createdAt', 'date'),
    spec('updatedAt', 'date'),
    spec('ipAddress', 'string', optionalString),
    spec('userAgent', 'string', optionalString),
    spec('impersonatedBy', 'string', optionalString),
    spec('activeOrganizationId', 'string', optionalString),
    spec('active', 'boolean', { required: false, defaultValue: () => true }),
  ],
  account: [
    spec('id', 'string'),
    spec('accountId', 'string'),
    spec('providerId', 'string'),
    spec('userId', 'string'),
    spec('password', 'string', { nullable: true }),
    spec('createdAt', 'date'),
    spec('updatedAt', 'date'),
    spec('accessToken', 'string', optionalString),
    spec('refreshToken', 'string', optionalString),
    spec('idToken', 'string', optionalString),
    spec('accessTokenExpiresAt', 'date', optionalDate),
    spec('refreshTokenExpiresAt', 'date', optionalDate),
    spec('scope', 'string', optionalString),
  ],
  organization: [
    spec('id', 'string'),
    spec('name', 'string'),
    spec('slug', 'string'),
    spec('createdAt', 'date'),
    spec('logo', 'string', optionalString),
    spec('metadata', 'json', { required: false, defaultValue: () => ({}) }),
    spec('updatedAt', 'date', { required: false }),
  ],
  member: [
    spec('id', 'string'),
    spec('organizationId', 'string'),
    spec('userId', 'string'),
    spec('role', 'string', { defaultValue: () => 'member' }),
    spec('createdAt', 'date'),
  ],
  invitation: [
    spec('id', 'string'),
    spec('organizationId', 'string'),
    spec('email', 'string'),
    spec('role', 'string', { defaultValue: () => 'member' }),
    spec('status', 'string', { defaultValue: () => 'pending' }),
    spec('inviterId', 'string'),
    spec('expiresAt', 'date'),
    spec('createdAt', 'date'),
  ],
  verification: [
    spec('id', 'string'),
    spec('identifier', 'string'),
    spec('value', 'string'),
    spec('expiresAt', 'date'),
    spec('createdAt', 'date'),
    spec('updatedAt', 'date'),
  ],
});
