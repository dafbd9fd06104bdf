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
    const names = Object.keys(row);
    const parameters = Object.fromEntries(names.map((name, index) => [`v${index}`, row[name]]));
    await this.run(`INSERT INTO ${this.escape(this.table.name)} (${names.map((name) => this.escape(name)).join(', ')}) VALUES (${names.map((_, index) => `:v${index}`).join(', ')})`, parameters);
    const [stored] = await this.findMany({ id: record.id });
    return stored!;
  }

  async findOne(where: PluginRecord): Promise<PluginRecord | null> {
    const [found] = await this.findMany(where, { limit: 1 });
    return found ?? null;
  }

  async findMany(where: PluginRecord, options: FindManyOptions = {}): Promise<PluginRecord[]> {
    assertKnownFields(this.table, where);
    const selected = this.table.columns.map((column, index) => `${this.escape(column.name)} AS ${this.escape(`c${index}`)}`).join(', ');
    const condition = this.where(where);
    let sql = `SELECT ${selected} FROM ${this.escape(this.table.name)}${condition.sql}`;
    if (options.orderBy) sql += ` ORDER BY ${this.escape(this.column(options.orderBy[0]).name)} ${options.orderBy[1] === 'desc' ? 'DESC' : 'ASC'}`;
    if (options.limit !== undefined) sql += ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    const rows = (await this.run(sql, condition.parameters)).records as Array<Record<string, unknown>>;
    return rows.map((raw) => Object.fromEntries(this.table.columns.map((column, index) => [column.field, this.read(column.type, raw[`c${index}`])])));
  }

  async count(where: PluginRecord): Promise<number> {
    assertKnownFields(this.table, where);
    const condition = this.where(where);
    const [row] = (await this.run(`SELECT COUNT(*) AS ${this.escape('total')} FROM ${this.escape(this.table.name)}${condition.sql}`, condition.parameters)).records as Array<{ total: string | number }>;
    return Number(row?.total ?? 0);
  }

  async update(where: PluginRecord, values: PluginRecord): Promise<number> {
    assertKnownFields(this.table, where);
    assertKnownFields(this.table, values);
    if (Object.keys(values).length === 0) return this.count(where);
    return this.updateWhere(where, this.assignments(values));
  }

  async increment(where: PluginRecord, field: string, options: { below: number; values?: PluginRecord }): Promise<number> {
    assertKnownFields(this.table, where);
    assertKnownFields(this.table, options.values ?? {});
    const counter = this.escape(this.column(field).name);
    // `counter + 1` and `counter < :below` in one UPDATE: the row lock orders racing writers, each sees the last value.
    const set = this.assignments(options.values ?? {});
    set.sql.unshift(`${counter} = ${counter} + 1`);
    return this.updateWhere(where, set, { sql: `${counter} < :below`, parameters: { below: options.below } });
  }

  async deleteMany(where: PluginRecord): Promise<number> {
    assertKnownFields(this.table, where);
    const condition = this.where(where);
    return (await this.run(`DELETE FROM ${this.escape(this.table.name)}${condition.sql}`, condition.parameters)).affected;
  }

  private async updateWhere(where: PluginRecord, set: { sql: string[]; parameters: Record<string, unknown> }, extra?: { sql: string; parameters: Record<string, unknown> }): Promise<number> {
    const condition = this.where(where, extra);
    const sql = `UPDATE ${this.escape(this.table.name)} SET ${set.sql.join(', ')}${condition.sql}`;
    return (await this.run(sql, { ...set.parameters, ...condition.parameters })).affected;
  }

  private assignments(values: PluginRecord): { sql: string[]; parameters: Record<string, unknown> } {
    const sql: string[] = [];
    const parameters: Record<string, unknown> = {};
    Object.entries(values).forEach(([field, value], index) => {
      const column = this.column(field);
      sql.push(`${this.escape(column.name)} = :s${index}`);
      parameters[`s${index}`] = this.write(column.type, value);
    });
    return { sql, parameters };
  }

  /** ` WHERE …` matching every field of `where` (`null` as IS NULL), or nothing for `{}`. */
  private where(where: PluginRecord, extra?: { sql: string; parameters: Record<string, unknown> }): { sql: string; parameters: Record<string, unknown> } {
    const conditions: string[] = [];
    const parameters: Record<string, unknown> = { ...extra?.parameters };
    Object.entries(where).forEach(([field, value], index) => {
      const column = this.escape(this.column(field).name);
      if (value === null || value === undefined) conditions.push(`${column} IS NULL`);
      else {
        conditions.push(`${column} = :w${index}`);
        parameters[`w${index}`] = this.write(this.column(field).type, value);
      }
    });
    if (extra) conditions.push(extra.sql);
    return { sql: conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '', parameters };
  }

  /**
   * Runs one statement by the table's SQL names. Plain SQL rather than TypeORM's query builders: a builder given
   * a table name the DataSource has an entity for (the app's own class, see `AuthRecord`) would read the values
   * as that entity's properties and convert them again. On the adapter's transaction when it has one.
   */
  private async run(sql: string, parameters: Record<string, unknown>): Promise<{ records: unknown[]; affected: number }> {
    const [query, values] = this.manager.connection.driver.escapeQueryWithParameters(sql, parameters, {});
    const owned = this.manager.queryRunner === undefined;
    const runner = this.manager.queryRunner ?? this.manager.connection.createQueryRunner();
    try {
      const result = (await runner.query(query, values, true)) as { records?: unknown[]; affected?: number };
      return { records: result.records ?? [], affected: result.affected ?? 0 };
    } finally {
      if (owned) await runner.release();
    }
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
