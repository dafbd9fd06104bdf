import type { EntityKind } from './entity-kind';
import type { FieldType } from './standard-field-table';

/** What `@AuthUser()` and its siblings record about a class. */
export interface KindRecord {
  readonly target: Function;
  readonly kind: EntityKind;
}

/** What `@AuthRecord('model')` records: the class stores the rows of a plugin's table (`twoFactor`, `passkey`, …). */
export interface RecordTagRecord {
  readonly target: Function;
  /** The model name the plugin declared the table under (the key of its `schema.tables`). */
  readonly model: string;
}

/** What `@AuthField(...)` records about a property. */
export interface FieldRecord {
  readonly target: Function;
  readonly property: string;
  /** The standard field it serves when remapped explicitly (`@AuthField('name')`), else `null`. */
  readonly field: string | null;
  /** Whether request bodies may set it. */
  readonly input: boolean;
  /** The longest value a request may set (characters of a string, of a JSON value's text); `null`: the default. */
  readonly maxLength: number | null;
  /** `@AuthField({ type })`: what the field holds, when the class says so explicitly; `null`: not said. */
  readonly type: FieldType | null;
  /** `@AuthField({ nullable })`; `null`: not said. */
  readonly nullable: boolean | null;
}

/** What `@AuthDefault(value)` records: the value a create uses when the caller gives none. */
export interface DefaultRecord {
  readonly target: Function;
  readonly property: string;
  /** Always a factory, so mutable defaults (`{}`, `[]`) are never shared between records. */
  readonly factory: () => unknown;
}

/** Every decorator of this package writes here and nowhere else; the model builder reads it. */
export interface AuthMetadataStorage {
  readonly kinds: KindRecord[];
  readonly records: RecordTagRecord[];
  readonly fields: FieldRecord[];
  readonly defaults: DefaultRecord[];
}

const STORAGE_KEY = Symbol.for('better-auth-entities');

/**
 * The one metadata store, kept on `globalThis` under a registered symbol so that two copies of this
 * package in one process (a common npm outcome) still see each other's decorators, as TypeORM does.
 */
export function getMetadataStorage(): AuthMetadataStorage {
  const global = globalThis as unknown as Record<symbol, AuthMetadataStorage | undefined>;
  let storage = global[STORAGE_KEY];
  if (!storage) {
    storage = { kinds: [], records: [], fields: [], defaults: [] };
    global[STORAGE_KEY] = storage;
  }
  // A storage an older copy of the package created first has no `records` yet.
  (storage as { records?: RecordTagRecord[] }).records ??= [];
  return storage;
}

/** Walks a class and its ancestors, nearest first: subclasses inherit and may override what a base recorded. */
export function classChain(target: Function): Function[] {
  const chain: Function[] = [];
  for (let current: unknown = target; typeof current === 'function' && current !== Function.prototype; ) {
    chain.push(current as Function);
    current = Object.getPrototypeOf(current);
  }
  return chain;
}
