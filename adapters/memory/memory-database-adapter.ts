import type { Account, Invitation, Member, Organization, Session, User, Verification } from '../../entities/builtin/builtin-entities';
import { buildEntityModels, recordClassesOf, type EntityClasses } from '../../entities/entity-set';
import type { EntityClass } from '../../entities/model/entity-model';
import { memoryIdSource, resolveIdStrategy, type IdOptions } from '../id-strategy';
import { MemoryAdapterCore } from './memory-adapter-core';
import { createMemoryTables } from './memory-tables';

/**
 * Options of the memory adapter: how ids are made. With `generateId: false` or `useNumberId` it numbers each
 * kind's records "1", "2", … as a database sequence would.
 * @example
 * new MemoryDatabaseAdapter({ user: AppUser }, { generateId: 'uuid' });
 */
export type MemoryAdapterOptions = IdOptions;

/**
 * The default adapter: everything in `Map`s, with a secondary index behind every lookup the engine makes
 * on a request (email, username, session token, provider + account id, slug, membership), so none scans.
 * For tests, demos and single-process apps; nothing survives a restart.
 *
 * The entity classes are validated when it is built (an `EntityDefinitionError` names the class, the field
 * and the fix). Kinds left out use the built-in classes, and the type parameters follow the classes given:
 * @example
 * const db = new MemoryDatabaseAdapter({ user: AppUser }); // MemoryDatabaseAdapter<AppUser, Session, ...>
 * const user = await db.createUser({ email: 'Ada@Example.com' });
 * user.plan;  // 'free', from @AuthDefault('free')
 * user.email; // 'ada@example.com'
 */
export class MemoryDatabaseAdapter<
  U extends object = User,
  S extends object = Session,
  A extends object = Account,
  O extends object = Organization,
  M extends object = Member,
  I extends object = Invitation,
  V extends object = Verification,
> extends MemoryAdapterCore<U, S, A, O, M, I, V> {
  /** The app's own classes for plugin tables (`records: [AppTwoFactor]`), by model. */
  readonly recordClasses: ReadonlyMap<string, EntityClass<object>>;

  constructor(entities: EntityClasses<U, S, A, O, M, I, V> = {}, options: MemoryAdapterOptions = {}) {
    const models = buildEntityModels(entities);
    super({ models, tables: createMemoryTables(models), newId: memoryIdSource(resolveIdStrategy(options)), records: new Map() }, null);
    this.recordClasses = recordClassesOf(entities);
  }
}
