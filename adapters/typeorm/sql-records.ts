import type { EntityManager } from 'typeorm';
import { generateId } from '../generate-id';
import { assertKnownFields, type FindManyOptions, type PluginRecord, type PluginRecords, type RecordTable } from '../plugin-records';
import type { Dialect } from './dialect';

/**
 * A plugin table on SQL, by name (whether or not the app gave it a class, no TypeORM metadata is needed): query builders
 * with bound parameters, names escaped by the driver, and values converted here the way the entity columns
 * store them (SQLite dates as UTC text, booleans as 0/1 outside PostgreSQL, JSON as text).
 * @example
 * new SqlRecords(table, dataSource.manager, 'sqlite').findMany({ userId });
 */
export class SqlRecords implements PluginRecords {
  constructor(
    private readonly table: RecordTable,
    private readonly manager: EntityManager,
    private readonly dialect: Dialect,
  ) {}

  async create(values: PluginRecord): Promise<PluginRecord> {
    assertKnownFields(this.table, values);
    const row: Record<string, unknown> = {};
    const record: PluginRecord = { ...values, id: values.id ?? generateId() };
    for (const column of this.table.columns) {
      if (record[column.field] !== undefined) row[column.name] = this.write(column.type, record[column.field]);
    }
    for (const column of this.table.fill ?? []) {
      const value = column.value();
      // Left out when undefined, so the column's own default applies.
      if (value !== undefined) row[column.name] = this.write(column.type, value);
    }
    await this.manager.createQueryBuilder().insert().into(this.table.name, Object.keys(row)).values(row).execute();
    const [stored] = await this.findMany({ id: record.id });
    return stored!;
  }

  async findOne(where: PluginRecord): Promise<PluginRecord | null> {
    const [found] = await this.findMany(where, { limit: 1 });
    return found ?? null;
  }

  async findMany(where: PluginRecord, options: FindManyOptions = {}): Promise<PluginRecord[]> {
    assertKnownFields(this.table, where);
    const query = this.manager.createQueryBuilder().from(this.table.name, 't');
    this.table.columns.forEach((column, index) => query.addSelect(`t.${this.escape(column.name)}`, `c${index}`));
    this.where(query, where);
    if (options.orderBy) query.orderBy(`t.${this.escape(this.column(options.orderBy[0]).name)}`, options.orderBy[1] === 'desc' ? 'DESC' : 'ASC');
    if (options.limit !== undefined) query.limit(options.limit);
    const rows = await query.getRawMany<Record<string, unknown>>();
    return rows.map((raw) => Object.fromEntries(this.table.columns.map((column, index) => [column.field, this.read(column.type, raw[`c${index}`])])));
  }

  async count(where: PluginRecord): Promise<number> {
    assertKnownFields(this.table, where);
    const query = this.manager.createQueryBuilder().from(this.table.name, 't').select('COUNT(*)', 'total');
    this.where(query, where);
    const row = await query.getRawOne<{ total: string | number }>();
    return Number(row?.total ?? 0);
  }

  async update(where: PluginRecord, values: PluginRecord): Promise<number> {
    assertKnownFields(this.table, where);
    assertKnownFields(this.table, values);
    const set: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(values)) {
      const column = this.column(field);
      set[column.name] = this.write(column.type, value);
    }
    if (Object.keys(set).length === 0) return this.count(where);
    const query = this.manager.createQueryBuilder().update(this.table.name).set(set);
    this.where(query, where);
    return (await query.execute()).affected ?? 0;
  }

  async increment(where: PluginRecord, field: string, options: { below: number; values?: PluginRecord }): Promise<number> {
    assertKnownFields(this.table, where);
    assertKnownFields(this.table, options.values ?? {});
    const counter = this.escape(this.column(field).name);
    // `counter + 1` and `counter < :below` in one UPDATE: the row lock orders racing writers, each sees the last value.
    const set: Record<string, unknown> = { [this.column(field).name]: () => `${counter} + 1` };
    for (const [name, value] of Object.entries(options.values ?? {})) {
      const column = this.column(name);
      set[column.name] = this.write(column.type, value);
    }
    const query = this.manager.createQueryBuilder().update(this.table.name).set(set);
    this.where(query, where);
    query.andWhere(`${counter} < :below`, { below: options.below });
    return (await query.execute()).affected ?? 0;
  }

  async deleteMany(where: PluginRecord): Promise<number> {
    assertKnownFields(this.table, where);
    const query = this.manager.createQueryBuilder().delete().from(this.table.name);
    this.where(query, where);
    return (await query.execute()).affected ?? 0;
  }

  private where(query: { andWhere(condition: string, parameters: Record<string, unknown>): unknown }, where: PluginRecord): void {
    Object.entries(where).forEach(([field, value], index) => {
      const column = this.column(field);
      if (value === null || value === undefined) query.andWhere(`${this.escape(column.name)} IS NULL`, {});
      else query.andWhere(`${this.escape(column.name)} = :w${index}`, { [`w${index}`]: this.write(column.type, value) });
    });
  }

  private column(field: string) {
    const column = this.table.columns.find((candidate) => candidate.field === field);
    if (!column) throw new TypeError(`${this.table.name} has no field "${field}".`);
    return column;
  }

  private escape(name: string): string {
    return this.manager.connection.driver.escape(name);
  }

  private write(type: RecordTable['columns'][number]['type'], value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (type === 'json') return JSON.stringify(value);
    if (type === 'boolean') return this.dialect === 'postgres' ? Boolean(value) : value ? 1 : 0;
    if (type === 'date') {
      const date = value instanceof Date ? value : new Date(value as string);
      // SQLite keeps dates as UTC text, the format TypeORM writes there (and `datetime('now')` defaults use).
      return this.dialect === 'sqlite' ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
    }
    return value;
  }

  private read(type: RecordTable['columns'][number]['type'], value: unknown): unknown {
    if (value === null || value === undefined) return null;
    switch (type) {
      case 'json':
        return typeof value === 'string' ? JSON.parse(value) : value;
      case 'boolean':
        return value === true || value === 1 || value === '1';
      case 'number':
        return Number(value);
      case 'date':
        return value instanceof Date ? value : new Date(typeof value === 'string' && !/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? `${value.replace(' ', 'T')}Z` : (value as string));
      default:
        return value;
    }
  }
}
