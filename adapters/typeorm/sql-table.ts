import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { FieldValues } from '../../entities/model/entity-model';
import type { DirectReader } from './direct-reads';
import type { ErrorTranslator } from './error-translation';
import type { TableMapping } from './table-mapping';

/** A case-insensitive text match: anywhere, at the start, at the end. */
export type TextMatch = 'contains' | 'starts_with' | 'ends_with';

/** A comparison on one field; values are converted as the column stores them (dates as SQLite text, ...). */
export interface Condition {
  readonly field: string;
  readonly op: '=' | '<>' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | TextMatch;
  readonly value: unknown;
}

/** `field = value` */
export const eq = (field: string, value: unknown): Condition => ({ field, op: '=', value });
/** `field <> value` */
export const ne = (field: string, value: unknown): Condition => ({ field, op: '<>', value });
/** `field <= value` */
export const atMost = (field: string, value: unknown): Condition => ({ field, op: '<=', value });
/** `field IN (values)`; `values` must not be empty. */
export const oneOf = (field: string, values: readonly unknown[]): Condition => ({ field, op: 'in', value: values });
/** `field NOT IN (values)` (a NULL field never matches, as with every SQL comparison); `values` must not be empty. */
export const noneOf = (field: string, values: readonly unknown[]): Condition => ({ field, op: 'not in', value: values });
/** `LOWER(field) LIKE %value%` (or `value%`, `%value`), with `%` and `_` in `value` matched literally. */
export const matches = (field: string, op: TextMatch, value: string): Condition => ({ field, op, value });
/** `LOWER(field) LIKE %value%` */
export const contains = (field: string, value: string): Condition => matches(field, 'contains', value);
/** `field <op> value` for one of the SQL comparison operators. */
export const compare = (field: string, op: '=' | '<>' | '<' | '<=' | '>' | '>=', value: unknown): Condition => ({ field, op, value });

/** Ordering, paging and null placement of a read. */
export interface ReadOptions {
  readonly order?: ReadonlyArray<readonly [field: string, direction: 'ASC' | 'DESC']>;
  /** Rows whose first order field is NULL come last in either direction (as in the memory adapter). */
  readonly nullsLast?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

/** What every query needs: the DataSource (driver, escaping), the manager to run on, and error translation. */
export interface SqlContext {
  readonly dataSource: DataSource;
  /** The DataSource's own manager, or a transaction's. */
  readonly manager: EntityManager;
  readonly errors: ErrorTranslator;
  /** Runs fixed statements on the driver itself; only on the DataSource's own manager, never in a transaction. */
  readonly direct: DirectReader | null;
}

/**
 * One kind's table as the adapter speaks of it: values in, instances of the user's class out. Every statement
 * is built with TypeORM's query builders and bound parameters; table and column names come from TypeORM's
 * metadata and are escaped by the driver. Writes are followed by a read of the row, so database defaults of
 * columns the write left out (a custom `plan DEFAULT 'free'`) show on the returned entity.
 * @example
 * const users = new SqlTable(mapping, context);
 * await users.findOne([eq('email', 'ada@example.com')]);
 */
export class SqlTable<T extends object> {
  constructor(
    readonly map: TableMapping<T>,
    private readonly context: SqlContext,
  ) {}

  async insert(data: object): Promise<T> {
    const values = this.map.insertValues(data as FieldValues, new Date());
    const idProperty = this.map.column('id').propertyName;
    // A database-generated id is only known from the insert's result: TypeORM reads it back (RETURNING,
    // last insert id) when asked to update the entity, which costs nothing when the id was given.
    const generated = values[idProperty] === undefined;
    const result = await this.write(Object.keys(values), () =>
      this.context.manager.createQueryBuilder().insert().into(this.map.target, Object.keys(values)).values(values).updateEntity(generated).execute(),
    );
    const id = generated ? result.identifiers[0]?.[idProperty] : values[idProperty];
    const stored = id === undefined || id === null ? null : await this.get(String(id));
    if (!stored) throw new Error(`the ${this.map.model.kind} just inserted into ${this.map.tablePath} cannot be read back`);
    return stored;
  }

  get(id: string): Promise<T | null> {
    return this.findOne([eq('id', id)]);
  }

  async findOne(conditions: readonly Condition[], options: ReadOptions = {}): Promise<T | null> {
    const [row] = await this.findMany(conditions, { ...options, limit: 1 });
    return row ?? null;
  }

  async findMany(conditions: readonly Condition[], options: ReadOptions = {}): Promise<T[]> {
    const query = this.where(this.select('t'), conditions, 't');
    this.orderAndPage(query, options);
    const rows = await this.read(() => query.getRawMany<Record<string, unknown>>());
    return rows.map((row) => this.hydrate(row, 'c'));
  }

  async count(conditions: readonly Condition[]): Promise<number> {
    const query = this.where(this.context.manager.createQueryBuilder().select('COUNT(*)', 'n').from(this.map.target, 't'), conditions, 't');
    const row = await this.read(() => query.getRawOne<{ n: number | string }>());
    return Number(row?.n ?? 0);
  }

  /** Applies the known, mutable fields of `patch` (and a fresh `updatedAt`); `null` when no row has `id`. */
  async update(id: string, patch: object): Promise<T | null> {
    await this.updateWhere([eq('id', id)], patch);
    return this.get(id);
  }

  /**
   * Applies `patch` to the rows matching `conditions` in one statement; returns how many changed. With a
   * condition on the row's current state (`status = 'pending'`) it is a compare-and-set: of concurrent calls,
   * the database lets one see the row still matching.
   */
  async updateWhere(conditions: readonly Condition[], patch: object): Promise<number> {
    const values = this.map.updateValues(patch as FieldValues, new Date());
    if (Object.keys(values).length === 0) return 0;
    const query = this.where(this.context.manager.createQueryBuilder().update(this.map.target).set(values).updateEntity(false), conditions, null);
    const result = await this.write(Object.keys(values), () => query.execute());
    return result.affected ?? 0;
  }

  /** Deletes the matching rows; returns how many went. */
  async delete(conditions: readonly Condition[]): Promise<number> {
    const query = this.where(this.context.manager.createQueryBuilder().delete().from(this.map.target), conditions, null);
    const result = await this.read(() => query.execute());
    return result.affected ?? 0;
  }

  /** A select of every mapped column of alias `alias`, each as `<prefix><index>` (short: PostgreSQL cuts aliases at 63). */
  select(alias: string, prefix = 'c', query?: SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
    const builder = query ?? this.context.manager.createQueryBuilder().from(this.map.target, alias);
    this.map.columns.forEach(({ column }, index) => {
      const expression = `${this.escape(alias)}.${this.escape(column.databaseName)}`;
      if (index === 0 && !query) builder.select(expression, `${prefix}${index}`);
      else builder.addSelect(expression, `${prefix}${index}`);
    });
    return builder;
  }

  /** The instance a row selected by `select(alias, prefix)` holds. */
  hydrate(row: Record<string, unknown>, prefix: string): T {
    return this.map.hydrate((index) => row[`${prefix}${index}`]);
  }

  /** The instance held by `row` (an array) from `offset` on, where `select()` put this table's columns. */
  hydrateArray(row: readonly unknown[], offset: number): T {
    return this.map.hydrateArray(row, offset);
  }

  /**
   * A read written once in the dialect's SQL, run with bound parameters, its rows as arrays in the order of
   * `aliases` (the select list): on the driver itself when the context allows it (see direct-reads.ts), else
   * through this table's manager (a transaction's too).
   */
  async runFixedRead(sql: string, parameters: readonly unknown[], aliases: readonly string[]): Promise<unknown[][]> {
    const { direct, manager } = this.context;
    if (direct) return direct(sql, parameters);
    const rows: Array<Record<string, unknown>> = await manager.query(sql, parameters as unknown[]);
    return rows.map((row) => aliases.map((alias) => row[alias]));
  }

  /** `"alias"."column"` (or the bare column), escaped by the driver. */
  ref(field: string, alias: string | null): string {
    const column = this.escape(this.map.columnName(field));
    return alias ? `${this.escape(alias)}.${column}` : column;
  }

  /** A value as bound against `field`'s column: normalised (emails), then converted the way TypeORM stores it. */
  parameter(field: string, value: unknown): unknown {
    return this.context.dataSource.driver.preparePersistentValue(this.map.normaliseLookup(field, value), this.map.column(field));
  }

  where<Q extends WhereExpressionBuilder>(query: Q, conditions: readonly Condition[], alias: string | null): Q {
    conditions.forEach((condition, index) => {
      const name = `${alias ?? 'w'}_${index}`;
      const column = this.ref(condition.field, alias);
      const [sql, value] = this.comparison(condition, column, name);
      if (index === 0) query.where(sql, { [name]: value });
      else query.andWhere(sql, { [name]: value });
    });
    return query;
  }

  private comparison(condition: Condition, column: string, name: string): [string, unknown] {
    switch (condition.op) {
      case 'contains':
      case 'starts_with':
      case 'ends_with': {
        // `!` as the escape character: a backslash means different things in MySQL and standard SQL literals.
        // LOWER on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's and MySQL's mostly are not.
        const literal = String(condition.value).toLowerCase().replace(/[!%_]/g, '!$&');
        const pattern = condition.op === 'contains' ? `%${literal}%` : condition.op === 'starts_with' ? `${literal}%` : `%${literal}`;
        return [`LOWER(${column}) LIKE :${name} ESCAPE '!'`, pattern];
      }
      case 'in':
      case 'not in':
        return [`${column} ${condition.op.toUpperCase()} (:...${name})`, (condition.value as unknown[]).map((item) => this.parameter(condition.field, item))];
      default:
        return [`${column} ${condition.op} :${name}`, this.parameter(condition.field, condition.value)];
    }
  }

  /** Runs a statement that changes rows; a unique violation names this table's broken rule. */
  async write<R>(written: readonly string[], statement: () => Promise<R>): Promise<R> {
    try {
      return await statement();
    } catch (error) {
      const fields = written.map((property) => this.map.model.field(property)?.field ?? property);
      throw this.context.errors.translate(error, this.map as TableMapping<object>, fields);
    }
  }

  async read<R>(statement: () => Promise<R>): Promise<R> {
    try {
      return await statement();
    } catch (error) {
      throw this.context.errors.translate(error);
    }
  }

  private orderAndPage(query: SelectQueryBuilder<ObjectLiteral>, options: ReadOptions): void {
    const terms: Array<[string, 'ASC' | 'DESC']> = (options.order ?? []).map(([field, direction]) => [this.ref(field, 't'), direction]);
    // Databases disagree on where NULL sorts (and MySQL has no NULLS LAST); a leading CASE settles it everywhere.
    if (options.nullsLast && terms.length > 0) terms.unshift([`CASE WHEN ${terms[0][0]} IS NULL THEN 1 ELSE 0 END`, 'ASC']);
    terms.forEach(([term, direction], index) => (index === 0 ? query.orderBy(term, direction) : query.addOrderBy(term, direction)));
    if (options.limit !== undefined) query.limit(options.limit);
    if (options.offset) query.offset(options.offset);
  }

  private escape(name: string): string {
    return this.context.dataSource.driver.escape(name);
  }
}
