import { generateId } from '../generate-id';
import { assertKnownFields, type FindManyOptions, type PluginRecord, type PluginRecords, type RecordColumn, type RecordTable } from '../plugin-records';

/**
 * Plugin tables in memory: one array per table, shared by an adapter and its transactions. Writes inside a
 * transaction are not rolled back with it (the journal covers the seven entity tables only).
 * @example
 * const records = new MemoryRecords(new Map(), table);
 */
export class MemoryRecords implements PluginRecords {
  constructor(
    private readonly store: Map<string, PluginRecord[]>,
    private readonly table: RecordTable,
  ) {}

  async create(values: PluginRecord): Promise<PluginRecord> {
    assertKnownFields(this.table, values);
    const row: PluginRecord = {};
    for (const column of this.table.columns) {
      const given = values[column.field];
      row[column.field] = copy(given !== undefined ? given : defaultOf(column));
    }
    for (const column of this.table.fill ?? []) row[column.field] = copy(column.value() ?? null);
    row.id ??= generateId();
    this.rows().push(row);
    return this.copyRow(row);
  }

  async findOne(where: PluginRecord): Promise<PluginRecord | null> {
    const [found] = await this.findMany(where, { limit: 1 });
    return found ?? null;
  }

  async findMany(where: PluginRecord, options: FindManyOptions = {}): Promise<PluginRecord[]> {
    assertKnownFields(this.table, where);
    let rows = this.rows().filter((row) => matches(row, where));
    if (options.orderBy) {
      const [field, direction] = options.orderBy;
      const sign = direction === 'desc' ? -1 : 1;
      rows = [...rows].sort((a, b) => sign * compare(a[field], b[field]));
    }
    return rows.slice(0, options.limit ?? rows.length).map((row) => this.copyRow(row));
  }

  async count(where: PluginRecord): Promise<number> {
    assertKnownFields(this.table, where);
    return this.rows().filter((row) => matches(row, where)).length;
  }

  // Synchronous between the match and the write, so two racing updates cannot both match (one event loop).
  async update(where: PluginRecord, values: PluginRecord): Promise<number> {
    assertKnownFields(this.table, where);
    assertKnownFields(this.table, values);
    let updated = 0;
    for (const row of this.rows()) {
      if (!matches(row, where)) continue;
      for (const [field, value] of Object.entries(values)) row[field] = copy(value ?? null);
      updated += 1;
    }
    return updated;
  }

  // Synchronous from the match to the write, as update is.
  async increment(where: PluginRecord, field: string, options: { below: number; values?: PluginRecord }): Promise<number> {
    assertKnownFields(this.table, where);
    assertKnownFields(this.table, { [field]: 0, ...options.values });
    let updated = 0;
    for (const row of this.rows()) {
      if (!matches(row, where) || !(Number(row[field]) < options.below)) continue;
      row[field] = Number(row[field]) + 1;
      for (const [name, value] of Object.entries(options.values ?? {})) row[name] = copy(value ?? null);
      updated += 1;
    }
    return updated;
  }

  async deleteMany(where: PluginRecord): Promise<number> {
    assertKnownFields(this.table, where);
    const rows = this.rows();
    const kept = rows.filter((row) => !matches(row, where));
    this.store.set(this.table.name, kept);
    return rows.length - kept.length;
  }

  /**
   * A record copied field by field, so callers never hold the stored objects (and dates stay `Date`s of this
   * realm); only the table's columns, so the app's own columns (`fill`) stay out of the plugin's rows.
   */
  private copyRow(row: PluginRecord): PluginRecord {
    const copied: PluginRecord = {};
    for (const column of this.table.columns) copied[column.field] = copy(row[column.field] ?? null);
    return copied;
  }

  private rows(): PluginRecord[] {
    let rows = this.store.get(this.table.name);
    if (!rows) this.store.set(this.table.name, (rows = []));
    return rows;
  }
}

/** What a SQL table's column DEFAULT would give a create that leaves the field out. */
function defaultOf(column: RecordColumn): unknown {
  const fallback = column.defaultValue;
  if (fallback !== null && typeof fallback === 'object' && (fallback as { now?: unknown }).now === true) return new Date();
  return fallback ?? null;
}

function matches(row: PluginRecord, where: PluginRecord): boolean {
  return Object.entries(where).every(([field, value]) => comparable(row[field]) === comparable(value));
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : value;
}

function compare(a: unknown, b: unknown): number {
  const [x, y] = [comparable(a), comparable(b)] as [number | string, number | string];
  return x < y ? -1 : x > y ? 1 : 0;
}


function copy(value: unknown): unknown {
  return value instanceof Date ? new Date(value.getTime()) : value !== null && typeof value === 'object' ? structuredClone(value) : value;
}
