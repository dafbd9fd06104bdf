import type { EntityKind } from './entity-kind';

/** The value types a standard field can hold; adapters and the schema tools map them to columns. */
export type FieldType = 'string' | 'boolean' | 'date' | 'json' | 'number';

/**
 * One row of the table: everything the package knows about a standard field. Flags left out are false.
 * The column name is the field's name in snake_case (`emailVerified` → `email_verified`).
 */
export interface StandardFieldRow {
  readonly type: FieldType;
  /** Holds `null` (the column is NULL-able). */
  readonly nullable?: boolean;
  /**
   * Belongs to a feature (usernames, admin, two-factor, organizations) and may be left out of a class that does
   * not use it. The others are read by the engine on its core paths: a class without one is rejected at startup.
   */
  readonly optional?: boolean;
  /** What a create uses when the caller gives none; also the column's database default. */
  readonly default?: string | number | boolean | Readonly<Record<string, never>>;
  readonly primary?: boolean;
  /** Unique on its own (the adapters rely on it: one user per email, one session per token). */
  readonly unique?: boolean;
  /** A plain index behind a lookup or a cascade on this column alone. */
  readonly index?: boolean;
  /** Long text (provider tokens, user agents): `text` rather than an indexable `varchar(255)`. */
  readonly long?: boolean;
  /** Set by the database layer: on insert (`create`), or on every write (`update`). */
  readonly timestamp?: 'create' | 'update';
  /** Holds the id of a record of that kind; deleting the record deletes this one. */
  readonly references?: EntityKind;
  /** Holds a record's id without a foreign key (the session's active organization): numeric ids leave as strings. */
  readonly holdsId?: boolean;
}

/*
 * THE table of standard fields, one line per field. Everything else derives from it: the `Standard*`
 * interfaces (standard-fields.ts), the field contracts the builder checks classes against (field-contracts.ts),
 * the base classes' TypeORM columns (base/standard-column.ts) and the schema `generate` writes
 * (src/schema/entity-table.ts). Adding a standard field is one line here, plus a migration in
 * migrations/{postgres,sqlite,mysql} (test/migrations/shipped-sql-matches-schema.test.ts fails until it exists).
 *
 * Order matters: it is the order of the fields in API answers and of the columns in generated SQL.
 */
export const STANDARD_FIELD_TABLE = {
  user: {
    id: { type: 'string', primary: true },
    email: { type: 'string', nullable: true, unique: true },
    name: { type: 'string', nullable: true },
    emailVerified: { type: 'boolean', default: false },
    image: { type: 'string', nullable: true, long: true },
    createdAt: { type: 'date', timestamp: 'create' },
    updatedAt: { type: 'date', timestamp: 'update' },
    username: { type: 'string', nullable: true, optional: true, unique: true },
    displayUsername: { type: 'string', nullable: true, optional: true },
    twoFactorEnabled: { type: 'boolean', optional: true, default: false },
    role: { type: 'string', nullable: true, optional: true },
    banned: { type: 'boolean', optional: true, default: false },
    banReason: { type: 'string', nullable: true, optional: true, long: true },
    banExpires: { type: 'date', nullable: true, optional: true },
    metadata: { type: 'json', optional: true, default: {} },
    /** Set by the anonymous plugin on the users it creates; no request can write it. */
    isAnonymous: { type: 'boolean', optional: true, default: false },
  },
  session: {
    id: { type: 'string', primary: true },
    /** SHA-256 digest of the session token (hex); the raw token is never stored. */
    token: { type: 'string', unique: true },
    userId: { type: 'string', index: true, references: 'user' },
    expiresAt: { type: 'date' },
    createdAt: { type: 'date', timestamp: 'create' },
    updatedAt: { type: 'date', timestamp: 'update' },
    ipAddress: { type: 'string', nullable: true, optional: true },
    userAgent: { type: 'string', nullable: true, optional: true, long: true },
    impersonatedBy: { type: 'string', nullable: true, optional: true, holdsId: true },
    activeOrganizationId: { type: 'string', nullable: true, optional: true, holdsId: true },
    /** The organization plugin's active team (teams enabled); always a team of the active organization. */
    activeTeamId: { type: 'string', nullable: true, optional: true, holdsId: true },
    active: { type: 'boolean', optional: true, default: true },
  },
  account: {
    id: { type: 'string', primary: true },
    accountId: { type: 'string' },
    providerId: { type: 'string' },
    userId: { type: 'string', index: true, references: 'user' },
    /** scrypt hash `saltHex:keyHex` for the credential provider; never leaves the server. */
    password: { type: 'string', nullable: true, long: true },
    createdAt: { type: 'date', timestamp: 'create' },
    updatedAt: { type: 'date', timestamp: 'update' },
    accessToken: { type: 'string', nullable: true, optional: true, long: true },
    refreshToken: { type: 'string', nullable: true, optional: true, long: true },
    idToken: { type: 'string', nullable: true, optional: true, long: true },
    accessTokenExpiresAt: { type: 'date', nullable: true, optional: true },
    refreshTokenExpiresAt: { type: 'date', nullable: true, optional: true },
    scope: { type: 'string', nullable: true, optional: true, long: true },
  },
  organization: {
    id: { type: 'string', primary: true },
    name: { type: 'string' },
    slug: { type: 'string', unique: true },
    createdAt: { type: 'date', timestamp: 'create' },
    logo: { type: 'string', nullable: true, optional: true, long: true },
    metadata: { type: 'json', optional: true, default: {} },
    updatedAt: { type: 'date', optional: true, timestamp: 'update' },
  },
  member: {
    id: { type: 'string', primary: true },
    organizationId: { type: 'string', references: 'organization' },
    userId: { type: 'string', index: true, references: 'user' },
    role: { type: 'string', default: 'member' },
    createdAt: { type: 'date', timestamp: 'create' },
  },
  invitation: {
    id: { type: 'string', primary: true },
    organizationId: { type: 'string', index: true, references: 'organization' },
    email: { type: 'string', index: true },
    role: { type: 'string', default: 'member' },
    status: { type: 'string', default: 'pending' },
    inviterId: { type: 'string', index: true, references: 'user' },
    expiresAt: { type: 'date' },
    createdAt: { type: 'date', timestamp: 'create' },
    /** The teams (comma-separated ids, as better-auth stores them) accepting puts the invitee in. */
    teamId: { type: 'string', nullable: true, optional: true, holdsId: true },
  },
  verification: {
    id: { type: 'string', primary: true },
    identifier: { type: 'string', index: true },
    value: { type: 'string', long: true },
    expiresAt: { type: 'date' },
    createdAt: { type: 'date', timestamp: 'create' },
    updatedAt: { type: 'date', timestamp: 'update' },
  },
} as const satisfies Record<EntityKind, Record<string, StandardFieldRow>>;

/** An index over several standard fields of one kind, named by field. */
export interface CompositeIndex {
  readonly fields: readonly string[];
  readonly unique: boolean;
}

/** Indexes over several fields, which a one-line-per-field table cannot say. */
export const COMPOSITE_INDEXES: Readonly<Partial<Record<EntityKind, readonly CompositeIndex[]>>> = {
  /** One credential per provider account. */
  account: [{ fields: ['providerId', 'accountId'], unique: true }],
  /** One membership per user and organization; it also serves lookups by organization. */
  member: [{ fields: ['organizationId', 'userId'], unique: true }],
};
