import { randomUUID } from 'node:crypto';
import type { EntityKind } from '../entities/entity-kind';
import { generateId as randomId } from './generate-id';

/**
 * How new records get their ids (better-auth's `advanced.database.generateId`):
 * - `'random'` (default): 32-character URL-safe random strings;
 * - `'uuid'`: RFC 4122 v4 UUIDs;
 * - a function: your own ids, asked per kind;
 * - `false`: the database makes them (a `@PrimaryGeneratedColumn` on TypeORM; the memory adapter counts).
 * @example
 * new MemoryDatabaseAdapter(entities, { generateId: 'uuid' });
 * await TypeOrmAdapter.connect(url, entities, { generateId: ({ kind }) => `${kind}_${ulid()}` });
 */
export type IdGenerator = 'random' | 'uuid' | false | ((context: { kind: EntityKind }) => string);

/**
 * The id options every adapter takes.
 * @example
 * // Auto-increment ids; the API still answers them as strings ("42").
 * await TypeOrmAdapter.connect(url, numericEntities, { useNumberId: true });
 */
export interface IdOptions {
  generateId?: IdGenerator;
  /**
   * Numeric, auto-increment ids made by the database (better-auth's `useNumberId`). On TypeORM the classes
   * need `@PrimaryGeneratedColumn()` ids (and integer `userId` columns); ids stay strings at the API boundary.
   */
  useNumberId?: boolean;
}

/** The resolved strategy an adapter creates ids with. */
export interface IdStrategy {
  /** True when the adapter leaves the id to the database (the memory adapter plays the database and counts). */
  readonly databaseGenerated: boolean;
  /** A new id for a record of `kind`; only called when not `databaseGenerated`. */
  next(kind: EntityKind): string;
}

/**
 * Checks and resolves the id options once, when the adapter is built.
 * @example
 * resolveIdStrategy({ generateId: 'uuid' }).next('user'); // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function resolveIdStrategy(options: IdOptions = {}): IdStrategy {
  const generator = options.generateId ?? 'random';
  if (options.useNumberId && options.generateId !== undefined && options.generateId !== false) {
    throw new TypeError('useNumberId lets the database number the records; leave generateId out (or false) when you set it.');
  }
  if (options.useNumberId || generator === false) return { databaseGenerated: true, next: unsupported };
  if (generator === 'random') return { databaseGenerated: false, next: () => randomId() };
  if (generator === 'uuid') return { databaseGenerated: false, next: () => randomUUID() };
  if (typeof generator === 'function') {
    return {
      databaseGenerated: false,
      next: (kind) => {
        const id = generator({ kind });
        if (typeof id !== 'string' || id === '') throw new TypeError(`generateId returned ${JSON.stringify(id)} for a ${kind}; return a non-empty string.`);
        return id;
      },
    };
  }
  throw new TypeError(`generateId must be 'random', 'uuid', false or a function (got ${JSON.stringify(generator)}).`);
}

function unsupported(): never {
  throw new Error('the database generates the ids of this adapter');
}

/**
 * The memory adapter's stand-in for a database sequence: one counter per kind, shared by the adapter and its
 * transactions, never rolled back (as a sequence is not).
 */
export function memoryIdSource(strategy: IdStrategy): (kind: EntityKind) => string {
  if (!strategy.databaseGenerated) return (kind) => strategy.next(kind);
  const counters = new Map<EntityKind, number>();
  return (kind) => {
    const next = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, next);
    return String(next);
  };
}
