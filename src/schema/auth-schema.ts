import type { FieldType } from '../../entities/field-contracts';

/**
 * The logical schema of a configured auth: every table it needs, as plain data. `generate`, `migrate` and the
 * tests read it; nothing else keeps a list of tables. Names are the SQL ones (custom table and column names
 * included); `field` keeps the name the API speaks.
 * @example
 * const schema = getAuthSchema(auth);
 * schema.tables.map((table) => table.name); // ['users', 'sessions', 'accounts', 'verifications', 'audit_log']
 */
export interface AuthSchema {
  /** In creation order: a table comes after every table it references. */
  readonly tables: readonly SchemaTable[];
}

/** One table. */
export interface SchemaTable {
  /** The entity kind (`user`, …) or the plugin's model name (`auditLog`). */
  readonly model: string;
  /** The SQL table name. */
  readonly name: string;
  /** `core`, or the id of the plugin that declared the table. */
  readonly source: string;
  readonly columns: readonly SchemaColumn[];
  /** Indexes besides the primary key and single-column unique constraints. */
  readonly indexes: readonly SchemaIndex[];
}

/** One column. */
export interface SchemaColumn {
  /** The field name the API speaks (`name`, `plan`, `userId`). */
  readonly field: string;
  /** The SQL column name (`full_name`, `user_id`). */
  readonly name: string;
  readonly type: FieldType;
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  /** An auto-increment integer key (`useNumberId` classes). */
  readonly autoIncrement: boolean;
  readonly unique: boolean;
  /** Holds long text (provider tokens, user agents): `text` rather than an indexable `varchar(255)`. */
  readonly long: boolean;
  /** A custom field's `varchar(n)` length, from its column: written as `varchar(n)` on every dialect. */
  readonly length?: number;
  /** A custom number field that holds whole numbers (an `int` column): `integer` (`bigint` when `wide`) rather than a float. */
  readonly integer?: boolean;
  /** With `integer`: beyond 32 bits. */
  readonly wide?: boolean;
  /** A constant default the database applies, or `now` for the current time. */
  readonly defaultValue?: string | number | boolean | Record<string, unknown> | unknown[] | { now: true };
  /** Set to the current time on every update too (`updatedAt`): MySQL's `ON UPDATE CURRENT_TIMESTAMP`. */
  readonly nowOnUpdate?: boolean;
  readonly references?: { readonly table: string; readonly column: string; readonly onDelete: 'cascade' | 'set null' | 'no action' };
  /** Added by a plugin (or `additionalFields`) rather than the entity class: its id. */
  readonly source: string;
}

/** A (possibly composite) index. */
export interface SchemaIndex {
  readonly columns: readonly string[];
  readonly unique: boolean;
}

/**
 * A field a plugin declares, in better-auth's plugin-schema shape.
 * @example
 * { type: 'string', required: true, references: { model: 'user', field: 'id', onDelete: 'cascade' }, index: true }
 */
export interface PluginField {
  type: FieldType;
  /** Not null (default false). */
  required?: boolean;
  unique?: boolean;
  index?: boolean;
  /** Long text (`text` on every dialect). */
  long?: boolean;
  /** The SQL column name (default: the field name in snake_case). */
  fieldName?: string;
  defaultValue?: string | number | boolean | Record<string, unknown> | unknown[];
  references?: { model: string; field: string; onDelete?: 'cascade' | 'set null' | 'no action' };
}

/**
 * A table a plugin declares (or, under a core kind's name, the fields it adds to that table).
 * @example
 * { modelName: 'audit_log', fields: { userId: { type: 'string', required: true }, createdAt: { type: 'date', required: true } },
 *   indexes: [{ fields: ['userId', 'createdAt'] }] }
 */
export interface PluginTable {
  /** The SQL table name (default: the model name in snake_case). */
  readonly modelName?: string;
  readonly fields: Readonly<Record<string, PluginField>>;
  /** Composite (or unique) indexes by field name, besides each field's own `index` / `unique`. */
  readonly indexes?: ReadonlyArray<{ readonly fields: readonly string[]; readonly unique?: boolean }>;
}

/**
 * What a plugin adds to the schema (better-auth's plugin `schema` shape): `tables` keyed by model name, where
 * a core kind (`user`, `session`, `account`, `verification`) adds fields to that core table and any other key
 * is a table of the plugin's own; `kinds` lists further entity kinds whose tables it uses.
 * @example
 * readonly schema: PluginSchema = {
 *   tables: {
 *     auditLog: { modelName: 'audit_log', fields: { action: { type: 'string', required: true }, userId: { type: 'string', references: { model: 'user', field: 'id' } } } },
 *     user: { fields: { lastSeenAt: { type: 'date' } } },
 *   },
 * };
 */
export interface PluginSchema {
  readonly tables?: Readonly<Record<string, PluginTable>>;
  /** Entity kinds beyond user, session, account and verification whose tables the plugin uses. */
  readonly kinds?: ReadonlyArray<'organization' | 'member' | 'invitation'>;
}
