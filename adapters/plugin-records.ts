import type { FieldType } from '../entities/field-contracts';

/**
 * A table a plugin declared (see `PluginSchema`), as an adapter needs it: the SQL names and the value types.
 * `getAuthSchema` produces these; plugins reach their tables through `AuthContext.records(model)`.
 */
export interface RecordTable {
  readonly name: string;
  readonly columns: ReadonlyArray<{ readonly field: string; readonly name: string; readonly type: FieldType }>;
}

/** Plain records keyed by field name (`userId`), as the plugin declared them. */
export type PluginRecord = Record<string, unknown>;

/**
 * The rows of one plugin table. Deliberately small (create, equality reads, deletes): what an audit log, a
 * rate-limit table or a one-time-code table needs, without a query language of its own.
 * @example
 * const log = auth.records('auditLog');
 * await log.create({ action: 'sign-up', userId, createdAt: new Date() });
 * await log.findMany({ userId }, { orderBy: ['createdAt', 'desc'], limit: 20 });
 */
export interface PluginRecords {
  /** Stores a record (an `id` is generated when none is given) and returns it as stored. */
  create(values: PluginRecord): Promise<PluginRecord>;
  /** Records whose fields equal every value of `where` (`{}` for all). */
  findMany(where: PluginRecord, options?: { limit?: number; orderBy?: readonly [field: string, direction: 'asc' | 'desc'] }): Promise<PluginRecord[]>;
  /** Deletes the records matching `where`; returns how many went. */
  deleteMany(where: PluginRecord): Promise<number>;
}

/** Checks that `values` only names fields of the table, so a typo fails instead of being ignored. */
export function assertKnownFields(table: RecordTable, values: PluginRecord): void {
  for (const key of Object.keys(values)) {
    if (!table.columns.some((column) => column.field === key)) throw new TypeError(`${table.name} has no field "${key}".`);
  }
}
