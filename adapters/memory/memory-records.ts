import { generateId } from '../generate-id';
import { assertKnownFields, type PluginRecord, type PluginRecords, type RecordTable } from '../plugin-records';

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
    for (const column of this.table.columns) row[column.field] = copy(values[column.field] ?? null);
    row.id ??= generateId();
    this.rows().push(row);
    return copy(row) as PluginRecord;
  }

  async findMany(where: PluginRecord, options: { limit?: number; orderBy?: readonly [string, 'asc' | 'desc'] } = {}): Promise<PluginRecord[]> {
    assertKnownFields(this.table, where);
    let rows = this.rows().filter((row) => matches(row, where));
    if (options.orderBy) {
      const [field, direction] = options.orderBy;
      const sign = direction === 'desc' ? -1 : 1;
      rows = [...rows].sort((a, b) => sign * compare(a[field], b[field]));
    }
    return rows.slice(0, options.limit ?? rows.length).map((row) => copy(row) as PluginRecord);
  }

  async deleteMany(where: PluginRecord): Promise<number> {
    assertKnownFields(this.table, where);
    const rows = this.rows();
    const kept = rows.filter((row) => !matches(row, where));
    this.store.set(this.table.name, kept);
    return rows.length - kept.length;
  }

  private rows(): PluginRecord[] {
    let rows = this.store.get(this.table.name);
    if (!rows) this.store.set(this.table.name, (rows = []));
    return rows;
  }
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
