import type { FieldType } from '../entities/field-contracts';

/**
 * A table a plugin declared (see `PluginSchema`), as an adapter needs it: the SQL names and the value types.
 * `getAuthSchema` produces these; plugins reach their tables through `AuthContext.records(model)`.
 */
export interface RecordTable {
  readonly name: string;
  /** The fields a plugin reads and writes (and `id`): what rows hold, and all `where` and `values` may name. */
  readonly columns: ReadonlyArray<RecordColumn>;
  /**
   * Columns of the app's own class that plugins never name (see `AuthRecord`): each `create` writes `value()`
   * into them; reads leave them out, so rows keep the plugin's shape.
   */
  readonly fill?: ReadonlyArray<RecordColumn & { readonly value: () => unknown }>;
}

/** A column of a plugin table: the field name plugins speak, the SQL name, the declared type. */
export interface RecordColumn {
  readonly field: string;
  readonly name: string;
  readonly type: FieldType;
  /**
   * The declared default a create that leaves the field out gets (`{ now: true }`: the current time). SQL
   * tables hold it as the column's DEFAULT; the memory adapter applies it itself.
   */
  readonly defaultValue?: unknown;
}

/** Plain records keyed by field name (`userId`), as the plugin declared them. */
export type PluginRecord = Record<string, unknown>;

/** How `findMany` sorts and cuts its result. */
export interface FindManyOptions<R extends PluginRecord = PluginRecord> {
  limit?: number;
  orderBy?: readonly [field: keyof R & string, direction: 'asc' | 'desc'];
}

/**
 * The rows of one plugin table. Deliberately small (create, equality reads, conditional updates, counts,
 * deletes): what an audit log, a rate-limit table or a one-time-code table needs, without a query language
 * of its own. `where` matches records whose fields equal every value given (`null` matches NULL; `{}` all).
 * `R` is a stored record and `New` what `create` takes: typed from the plugin's declared fields when the table
 * is reached through a `RecordModel` (`auth.records(model)`), loose records otherwise. Adapters decode each
 * column to its declared type (booleans, numbers, dates, JSON), which is what makes those types true.
 * @example
 * const log = auth.records(auditEntries);
 * await log.create({ action: 'sign-up', userId, createdAt: new Date() });
 * await log.findMany({ userId }, { orderBy: ['createdAt', 'desc'], limit: 20 });
 * // Single use under concurrency: of any number of racing calls, one gets 1.
 * const won = (await codes.update({ id, usedAt: null }, { usedAt: new Date() })) === 1;
 */
export interface PluginRecords<R extends PluginRecord = PluginRecord, New extends PluginRecord = R> {
  /** Stores a record (an `id` is generated when none is given) and returns it as stored. */
  create(values: New): Promise<R>;
  /** The first record matching `where`, or `null`. */
  findOne(where: Partial<R>): Promise<R | null>;
  findMany(where: Partial<R>, options?: FindManyOptions<R>): Promise<R[]>;
  /** How many records match `where`. */
  count(where: Partial<R>): Promise<number>;
  /**
   * Sets `values` on every record matching `where`, in one statement; returns how many matched. Since the
   * check and the write are one step, `where` can carry the condition that makes a change single-use.
   */
  update(where: Partial<R>, values: Partial<R>): Promise<number>;
  /**
   * Adds one to the number field `field` of every record matching `where` whose value is below `below`, and
   * sets `values` on them, in one statement; returns how many matched. A counter that must never pass a bound,
   * under any number of racing writers in any number of processes (failed attempts per account), needs the
   * increment and the bound in the same step: no read before it, no retry after it.
   * @example
   * const counted = (await failures.increment({ key }, 'count', { below: 10, values: { lastFailure: Date.now() } })) === 1;
   */
  increment(where: Partial<R>, field: keyof R & string, options: { below: number; values?: Partial<R> }): Promise<number>;
  /** Deletes the records matching `where`; returns how many went. */
  deleteMany(where: Partial<R>): Promise<number>;
}

/** Checks that `values` only names fields of the table, so a typo fails instead of being ignored. */
export function assertKnownFields(table: RecordTable, values: PluginRecord): void {
  for (const key of Object.keys(values)) {
    if (!table.columns.some((column) => column.field === key)) throw new TypeError(`${table.name} has no field "${key}".`);
  }
}
