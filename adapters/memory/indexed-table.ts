import type { EntityKind } from '../../entities/entity-kind';
import { UniqueConstraintError } from '../errors';
import type { Journal } from './journal';

/** Derives an index key from a row; `null` leaves the row out of that index (a user without a username). */
export type IndexKey<T> = (row: T) => string | null;

/** A unique index: at most one row per key. `fields` are the standard names reported when it is broken. */
export interface UniqueIndexSpec<T> {
  readonly fields: readonly string[];
  readonly key: IndexKey<T>;
}

/** How a table finds its rows: by id, through unique indexes, and through group indexes (many rows per key). */
export interface TableSpec<T, UniqueName extends string, GroupName extends string> {
  readonly kind: EntityKind;
  readonly id: (row: T) => string;
  readonly unique: Readonly<Record<UniqueName, UniqueIndexSpec<T>>>;
  readonly groups: Readonly<Record<GroupName, IndexKey<T>>>;
}

/**
 * Rows by id plus secondary indexes, kept in step on every write, so lookups never scan.
 *
 * Every method is synchronous: a uniqueness check and the write it guards happen in one turn of the event
 * loop, so two concurrent creates with one email cannot both pass. Stored rows are never mutated; a write
 * puts a new object in place, which lets the undo of a write keep the old object as its pre-image.
 *
 * @example
 * const users = new IndexedTable<User, 'email', never>({
 *   kind: 'user', id: (u) => u.id, unique: { email: { fields: ['email'], key: (u) => u.email } }, groups: {},
 * });
 * users.insert(user, null);
 * users.findUnique('email', 'ada@example.com'); // the stored row
 */
export class IndexedTable<T extends object, UniqueName extends string = never, GroupName extends string = never> {
  private readonly rows = new Map<string, T>();
  private readonly uniqueIndexes = new Map<string, Map<string, string>>();
  /** Group members by key: one id as a bare string, a `Set` only from the second on (see `addToGroup`). */
  private readonly groupIndexes = new Map<string, Map<string, GroupIds>>();
  /** Unique keys given up inside an open transaction, by `index\0key`: only that transaction may reuse them. */
  private readonly held = new Map<string, Journal>();
  private readonly uniqueSpecs: Array<[string, UniqueIndexSpec<T>]>;
  private readonly groupSpecs: Array<[string, IndexKey<T>]>;

  constructor(private readonly spec: TableSpec<T, UniqueName, GroupName>) {
    this.uniqueSpecs = Object.entries(spec.unique) as Array<[string, UniqueIndexSpec<T>]>;
    this.groupSpecs = Object.entries(spec.groups) as Array<[string, IndexKey<T>]>;
    for (const [name] of this.uniqueSpecs) this.uniqueIndexes.set(name, new Map());
    for (const [name] of this.groupSpecs) this.groupIndexes.set(name, new Map());
  }

  get size(): number {
    return this.rows.size;
  }

  get(id: string): T | undefined {
    return this.rows.get(id);
  }

  findUnique(index: UniqueName, key: string): T | undefined {
    const id = this.uniqueIndexes.get(index)!.get(key);
    return id === undefined ? undefined : this.rows.get(id);
  }

  /** The rows sharing a group key, in the order they joined the group. */
  findGroup(index: GroupName, key: string): T[] {
    const ids = this.groupIndexes.get(index)!.get(key);
    if (ids === undefined) return [];
    return typeof ids === 'string' ? [this.rows.get(ids)!] : [...ids].map((id) => this.rows.get(id)!);
  }

  countGroup(index: GroupName, key: string): number {
    const ids = this.groupIndexes.get(index)!.get(key);
    return ids === undefined ? 0 : typeof ids === 'string' ? 1 : ids.size;
  }

  /** Every row; for maintenance and admin paths (expiry sweeps, user listing), never the request path. */
  all(): IterableIterator<T> {
    return this.rows.values();
  }

  insert(row: T, journal: Journal | null): void {
    journal?.assertOpen();
    const id = this.spec.id(row);
    if (this.rows.has(id)) throw new UniqueConstraintError(this.spec.kind, ['id']);
    this.assertUnique(row, id, journal);
    this.rows.set(id, row);
    this.reindex(id, undefined, row);
    // The row must not outlive a rollback, whatever another caller wrote to it since.
    journal?.record(() => this.remove(id));
  }

  /** Puts `next` in place of the stored row with the same id; returns the row it replaced. */
  replace(next: T, journal: Journal | null): T | undefined {
    journal?.assertOpen();
    const id = this.spec.id(next);
    const previous = this.rows.get(id);
    if (!previous) return undefined;
    this.assertUnique(next, id, journal);
    this.rows.set(id, next);
    this.reindex(id, previous, next);
    this.holdReleasedKeys(previous, next, journal);
    journal?.record(() => {
      // Another caller's later write to this row stands (last writer wins); otherwise put the pre-image back.
      if (this.rows.get(id) === next && !this.conflict(previous, id, journal)) {
        this.rows.set(id, previous);
        this.reindex(id, next, previous);
      }
    });
    return previous;
  }

  delete(id: string, journal: Journal | null): T | undefined {
    journal?.assertOpen();
    const previous = this.remove(id);
    if (!previous) return undefined;
    this.holdReleasedKeys(previous, undefined, journal);
    journal?.record(() => {
      if (!this.rows.has(id) && !this.conflict(previous, id, journal)) {
        this.rows.set(id, previous);
        this.reindex(id, undefined, previous);
      }
    });
    return previous;
  }

  private remove(id: string): T | undefined {
    const row = this.rows.get(id);
    if (!row) return undefined;
    this.rows.delete(id);
    this.reindex(id, row, undefined);
    return row;
  }

  private assertUnique(row: T, id: string, journal: Journal | null): void {
    const fields = this.conflict(row, id, journal);
    if (fields) throw new UniqueConstraintError(this.spec.kind, fields);
  }

  /** The fields of the first unique index where `row` would collide with another row or a held key. */
  private conflict(row: T, id: string, journal: Journal | null): readonly string[] | null {
    for (const [name, unique] of this.uniqueSpecs) {
      const key = unique.key(row);
      if (key === null) continue;
      const owner = this.uniqueIndexes.get(name)!.get(key);
      if (owner !== undefined && owner !== id) return unique.fields;
      const holder = this.held.get(heldKey(name, key));
      if (holder !== undefined && holder !== journal) return unique.fields;
    }
    return null;
  }

  /**
   * Moves the row between index entries, touching only the indexes whose key changed, so an update that
   * leaves `userId` alone keeps the session's place in its user's group.
   */
  private reindex(id: string, before: T | undefined, after: T | undefined): void {
    for (const [name, unique] of this.uniqueSpecs) {
      const index = this.uniqueIndexes.get(name)!;
      const oldKey = before ? unique.key(before) : null;
      const newKey = after ? unique.key(after) : null;
      if (oldKey === newKey) continue;
      if (oldKey !== null && index.get(oldKey) === id) index.delete(oldKey);
      if (newKey !== null) index.set(newKey, id);
    }
    for (const [name, keyOf] of this.groupSpecs) {
      const index = this.groupIndexes.get(name)!;
      const oldKey = before ? keyOf(before) : null;
      const newKey = after ? keyOf(after) : null;
      if (oldKey === newKey) continue;
      if (oldKey !== null) removeFromGroup(index, oldKey, id);
      if (newKey !== null) addToGroup(index, newKey, id);
    }
  }

  /** Keys a transaction gave up stay reserved for it until it ends, so its rollback can reclaim them. */
  private holdReleasedKeys(before: T, after: T | undefined, journal: Journal | null): void {
    if (!journal) return;
    for (const [name, unique] of this.uniqueSpecs) {
      const key = unique.key(before);
      if (key === null || (after && unique.key(after) === key)) continue;
      const slot = heldKey(name, key);
      if (this.held.has(slot)) continue;
      this.held.set(slot, journal);
      journal.onEnd(() => {
        if (this.held.get(slot) === journal) this.held.delete(slot);
      });
    }
  }
}

function heldKey(index: string, key: string): string {
  return `${index}\u0000${key}`;
}

/**
 * The ids of one group, in the order they joined. Most groups hold one row (a user's only session, account or
 * membership), and a `Set` costs ~150 bytes of heap where the bare id string costs nothing extra: at a million
 * sessions that was the largest part of the index overhead, so a group becomes a `Set` only when a second id joins.
 */
type GroupIds = string | Set<string>;

function addToGroup(index: Map<string, GroupIds>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) index.set(key, id);
  else if (typeof ids === 'string') {
    if (ids !== id) index.set(key, new Set([ids, id]));
  } else ids.add(id);
}

function removeFromGroup(index: Map<string, GroupIds>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) return;
  if (typeof ids === 'string') {
    // Empty groups would otherwise pile up forever (one per expired verification identifier).
    if (ids === id) index.delete(key);
    return;
  }
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
  else if (ids.size === 1) index.set(key, ids.values().next().value!);
}
