import type { DataSource, EntityMetadata } from 'typeorm';
import { EntityDefinitionError } from '../../entities/entity-definition-error';
import { FIELD_CONTRACTS } from '../../entities/field-contracts';
import type { EntityModel, FieldValues } from '../../entities/model/entity-model';
import type { FieldModel } from '../../entities/model/field-model';
import { resolveIdStrategy, type IdStrategy } from '../id-strategy';
import { EntityNotRegisteredError } from './setup-errors';

/** TypeORM's metadata of one column (not exported from the package root). */
export type ColumnMetadata = EntityMetadata['columns'][number];

/** One field of an entity class and the column TypeORM stores it in. */
export interface MappedColumn {
  readonly field: FieldModel;
  readonly column: ColumnMetadata;
}

/** Fields an update never writes. */
const IMMUTABLE_FIELDS = new Set(['id', 'createdAt']);

/**
 * How one entity class lives in its table: the entity model (fields, defaults, remapped properties) joined to
 * TypeORM's metadata (table and column names, value conversion). Built once per adapter; every query the
 * adapter writes names columns through it, so a remapped `displayName` stored in column `name` is handled here.
 *
 * A custom property without a TypeORM column (a value computed in the class, say) is not stored: every instance
 * the adapter returns gets its `@AuthDefault`, else what the constructor set, else `null` (as `EntityModel.create`).
 * @example
 * const users = buildTableMapping(dataSource, models.user, ['email']);
 * users.columnName('email'); // 'email'
 */
export class TableMapping<T extends object> {
  readonly columns: readonly MappedColumn[];
  /** One value converter per column (see columnReader). */
  private readonly readers: ReadonlyArray<(value: unknown) => unknown>;
  private readonly byField = new Map<string, MappedColumn>();
  private readonly fieldByColumn = new Map<string, string>();

  constructor(
    readonly model: EntityModel<T>,
    readonly metadata: EntityMetadata,
    private readonly lowerCase: readonly string[] = [],
    private readonly ids: IdStrategy = resolveIdStrategy(),
  ) {
    const columns: MappedColumn[] = [];
    for (const field of model.fields) {
      const column = metadata.findColumnWithPropertyName(field.property);
      if (!column || column.relationMetadata) {
        if (field.standard) throw missingColumn(model, field);
        continue;
      }
      const mapped = { field, column };
      columns.push(mapped);
      this.byField.set(field.field, mapped);
      this.fieldByColumn.set(column.databaseName, field.field);
    }
    this.columns = Object.freeze(columns);
    // The metadata belongs to one DataSource, so its driver converts every value this mapping reads.
    this.readers = columns.map((mapped) => columnReader(metadata.connection, mapped));
    const id = this.byField.get('id')?.column;
    this.databaseIds = ids.databaseGenerated || id?.isGenerated === true;
    if (ids.databaseGenerated && id && !id.isGenerated) throw notGenerated(model);
  }

  /** True when inserts leave the id out and the database (or TypeORM's generation strategy) makes it. */
  readonly databaseIds: boolean;

  get target(): Function {
    return this.model.target;
  }

  /** The table as SQL names it (`schema.table` when the entity sets a schema). */
  get tablePath(): string {
    return this.metadata.tablePath;
  }

  has(field: string): boolean {
    return this.byField.has(field);
  }

  column(field: string): ColumnMetadata {
    const mapped = this.byField.get(field);
    if (!mapped) throw new Error(`${this.model.className} has no column for '${field}'`);
    return mapped.column;
  }

  columnName(field: string): string {
    return this.column(field).databaseName;
  }

  /** The field stored in a column, by the column's database name. */
  fieldOfColumn(databaseName: string): string | undefined {
    return this.fieldByColumn.get(databaseName);
  }

  /** The column names of a unique constraint or index, by its name (driver errors name the key that broke). */
  constraintColumns(name: string): string[] | undefined {
    const keys = [...this.metadata.indices, ...this.metadata.uniques];
    const found = keys.find((key) => key.name === name);
    return found?.columns.map((column) => column.databaseName);
  }

  /**
   * Property-keyed values for an insert: what the caller gave, else the field's default, else an id or the
   * current time for the fields the contract fills in. Anything else is left out of the INSERT, so the
   * column's database default applies (and shows in the row read back).
   */
  insertValues(data: FieldValues, now: Date): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const { field } of this.columns) {
      let value = given(data, field);
      if (value === undefined || (value === null && AUTO_FILLED.has(field.field))) {
        if (field.defaultValue) value = field.defaultValue();
        else if (field.field === 'id') {
          if (this.databaseIds) continue;
          value = this.ids.next(this.model.kind);
        }
        else if (field.field === 'createdAt' || field.field === 'updatedAt') value = new Date(now);
        else continue;
      }
      values[field.property] = this.normalise(field, detach(value));
    }
    return values;
  }

  /** Property-keyed values for an update: the known, mutable fields of `patch`, plus `updatedAt` unless given. */
  updateValues(patch: FieldValues, now: Date): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const { field } of this.columns) {
      if (IMMUTABLE_FIELDS.has(field.field)) continue;
      const value = given(patch, field);
      if (value !== undefined) values[field.property] = this.normalise(field, detach(value));
    }
    const updatedAt = this.byField.get('updatedAt');
    if (updatedAt && values[updatedAt.field.property] === undefined) values[updatedAt.field.property] = new Date(now);
    return values;
  }

  /** Lower-cases the value of a field compared case-insensitively (emails), as written and as looked up. */
  normaliseLookup(field: string, value: unknown): unknown {
    return this.lowerCase.includes(field) && typeof value === 'string' ? value.toLowerCase() : value;
  }

  /**
   * An instance of the class from one result row. `read(index)` gives the raw value of the index-th column of
   * `columns`, so one method serves plain selects (keyed by alias), joins and rows given as arrays.
   */
  hydrate(read: (index: number) => unknown): T {
    const values: FieldValues = {};
    for (let index = 0; index < this.readers.length; index += 1) values[this.columns[index].field.field] = this.readers[index](read(index));
    return this.model.create(values);
  }

  /** `hydrate` for a row given as an array (the columns of `select()` in order), starting at `offset`. */
  hydrateArray(row: readonly unknown[], offset: number): T {
    return this.hydrate((index) => row[offset + index]);
  }

  private normalise(field: FieldModel, value: unknown): unknown {
    return this.normaliseLookup(field.field, value);
  }
}

/** Column types whose values TypeORM hands back unchanged on every driver (strings stay strings). */
const TEXT_TYPES = new Set<unknown>(['varchar', 'text', 'character varying', 'nvarchar', 'char', String]);

/**
 * How one column's raw value becomes the entity's: TypeORM's own conversion (dates, booleans, JSON,
 * transformers), skipped where it cannot change anything — NULL without a transformer, and text columns —
 * because it runs for every column of every row of the session lookup.
 */
function columnReader(dataSource: DataSource, { field, column }: MappedColumn): (value: unknown) => unknown {
  const { driver } = dataSource;
  const plainText = !column.transformer && TEXT_TYPES.has(column.type);
  // Numeric (auto-increment) ids and the columns referring to them leave as strings: the API speaks strings.
  const idLike = ID_FIELDS.has(field.field);
  return (value) => {
    if (value === undefined) return null;
    if (value === null) return column.transformer ? driver.prepareHydratedValue(value, column) : null;
    if (plainText && typeof value === 'string') return value;
    const hydrated = driver.prepareHydratedValue(value, column);
    return idLike && (typeof hydrated === 'number' || typeof hydrated === 'bigint') ? String(hydrated) : hydrated;
  };
}

/** The names of ids and of the fields holding another record's id, in any kind (from the table of standard fields). */
const ID_FIELDS = new Set(Object.values(FIELD_CONTRACTS).flatMap((contract) => contract.filter((spec) => spec.holdsId).map((spec) => spec.field)));

/** Fields the adapter fills in when the caller gives `null` as much as when it gives nothing. */
const AUTO_FILLED = new Set(['id', 'createdAt', 'updatedAt']);

/**
 * Joins a model to its class's TypeORM metadata; throws when the DataSource does not know the class.
 * @example
 * buildTableMapping(dataSource, models.invitation, ['email']);
 */
export function buildTableMapping<T extends object>(
  dataSource: DataSource,
  model: EntityModel<T>,
  lowerCase: readonly string[] = [],
  ids: IdStrategy = resolveIdStrategy(),
): TableMapping<T> {
  if (!dataSource.hasMetadata(model.target)) throw notRegistered(dataSource, model.target);
  return new TableMapping(model, dataSource.getMetadata(model.target), lowerCase, ids);
}

function notGenerated(model: EntityModel): EntityDefinitionError {
  const field = model.field('id');
  return new EntityDefinitionError(
    model.className,
    field?.property ?? 'id',
    'is not generated by the database, but the adapter was told to leave ids to it (generateId: false or useNumberId); ' +
      "declare it with @PrimaryGeneratedColumn() (numbers) or @PrimaryGeneratedColumn('uuid').",
  );
}

function notRegistered(dataSource: DataSource, target: Function): EntityNotRegisteredError {
  const entities = dataSource.options.entities;
  const listed = Array.isArray(entities) && entities.includes(target);
  return new EntityNotRegisteredError(target.name, listed ? 'not-decorated' : 'not-listed');
}

function missingColumn(model: EntityModel, field: FieldModel): EntityDefinitionError {
  return new EntityDefinitionError(
    model.className,
    field.property,
    `has no TypeORM column, so the ${model.kind} field '${field.field}' cannot be stored; ` +
      `decorate it with @Column() (or extend the base class for this kind, whose fields carry their columns).`,
  );
}

/** A value given under the standard field name wins; the property name is accepted too (as in the model). */
function given(values: FieldValues, field: FieldModel): unknown {
  const byField = values[field.field];
  return byField !== undefined ? byField : values[field.property];
}

/** Values are serialised later, after an `await`: nothing the caller still holds may change them meanwhile. */
function detach(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  if (value !== null && typeof value === 'object') return structuredClone(value);
  return value;
}
