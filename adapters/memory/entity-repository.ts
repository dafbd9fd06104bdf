import type { EntityModel, FieldValues } from '../../entities/model/entity-model';
import { generateId } from '../generate-id';
import type { IndexedTable } from './indexed-table';
import type { Journal } from './journal';

/** Fields an update never changes: the primary key, and the moment the row was created. */
const IMMUTABLE_FIELDS = ['id', 'createdAt'] as const;

/**
 * One kind's rows as the adapter speaks of them: values in, entity copies out. It fills in ids, timestamps
 * and defaults, normalises what must be compared case-insensitively, and writes through the journal of the
 * transaction it belongs to (none outside one).
 *
 * Methods are synchronous on purpose: whatever they check and write happens in one turn of the event loop.
 * @example
 * const users = new EntityRepository(models.user, tables.users, null, lowerCaseEmail(models.user));
 * const ada = users.create({ email: 'Ada@Example.com' }); // stored and returned as ada@example.com
 */
export class EntityRepository<T extends object, UniqueName extends string, GroupName extends string> {
  constructor(
    readonly model: EntityModel<T>,
    readonly table: IndexedTable<T, UniqueName, GroupName>,
    private readonly journal: Journal | null,
    private readonly normalise: (row: T) => void = () => {},
    /** Where ids come from: the adapter's id strategy (random strings unless configured otherwise). */
    private readonly newId: () => string = generateId,
  ) {}

  create(data: object): T {
    const now = new Date();
    // Cloning what `model.create` built means no object the caller still holds (metadata) is stored.
    const row = this.model.clone(this.model.create(data as FieldValues));
    this.fillIfMissing(row, 'id', this.newId);
    this.fillIfMissing(row, 'createdAt', () => new Date(now));
    this.fillIfMissing(row, 'updatedAt', () => new Date(now));
    this.normalise(row);
    this.table.insert(row, this.journal);
    return this.model.clone(row);
  }

  get(id: string): T | null {
    return this.copy(this.table.get(id));
  }

  findUnique(index: UniqueName, key: string): T | null {
    return this.copy(this.table.findUnique(index, key));
  }

  findGroup(index: GroupName, key: string): T[] {
    return this.table.findGroup(index, key).map((row) => this.model.clone(row));
  }

  /** Applies the known fields of `patch`; `updatedAt` becomes now unless the patch sets it. */
  update(id: string, patch: object): T | null {
    const current = this.table.get(id);
    if (!current) return null;
    const changes = this.withoutImmutableFields(patch as FieldValues);
    const next = this.model.assign(this.model.clone(current), changes);
    if (this.model.has('updatedAt') && !this.gives(changes, 'updatedAt')) this.model.assign(next, { updatedAt: new Date() });
    this.normalise(next);
    // A second clone, so the stored row shares no object with the caller's patch.
    const stored = this.model.clone(next);
    this.table.replace(stored, this.journal);
    return this.model.clone(stored);
  }

  delete(id: string): boolean {
    return this.table.delete(id, this.journal) !== undefined;
  }

  /** Deletes every row of a group (cascades, sign-out everywhere) except `keepId`; returns how many went. */
  deleteGroup(index: GroupName, key: string, keepId?: string): number {
    let deleted = 0;
    for (const row of this.table.findGroup(index, key)) {
      const id = this.idOf(row);
      if (id !== keepId && this.delete(id)) deleted++;
    }
    return deleted;
  }

  /** Deletes the rows matching `predicate`: a full scan, for maintenance sweeps only. */
  deleteWhere(predicate: (row: T) => boolean): number {
    const doomed = [...this.table.all()].filter(predicate);
    for (const row of doomed) this.delete(this.idOf(row));
    return doomed.length;
  }

  idOf(row: T): string {
    return String(this.model.read(row, 'id'));
  }

  private copy(row: T | undefined): T | null {
    return row ? this.model.clone(row) : null;
  }

  private fillIfMissing(row: T, field: string, value: () => unknown): void {
    if (!this.model.has(field)) return;
    const current = this.model.readUnchecked(row, field);
    if (current === null || current === undefined) this.model.assign(row, { [field]: value() });
  }

  /** Whether `values` sets `field`, under its standard name or the property that holds it. */
  private gives(values: FieldValues, field: string): boolean {
    const model = this.model.field(field);
    return model !== undefined && (values[model.field] !== undefined || values[model.property] !== undefined);
  }

  private withoutImmutableFields(patch: FieldValues): FieldValues {
    const changes = { ...patch };
    for (const name of IMMUTABLE_FIELDS) {
      const field = this.model.field(name);
      if (field) {
        delete changes[field.field];
        delete changes[field.property];
      }
    }
    return changes;
  }
}

/**
 * A normaliser storing `field` lower-cased: emails are compared case-insensitively, and storing them
 * normalised turns that comparison into an exact index lookup.
 */
export function lowerCased<T extends object>(model: EntityModel<T>, field: string): (row: T) => void {
  return (row) => {
    const value = model.readUnchecked(row, field);
    if (typeof value === 'string') model.assign(row, { [field]: value.toLowerCase() });
  };
}
