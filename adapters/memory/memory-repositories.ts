import type { EntityKind } from '../../entities/entity-kind';
import type { EntityModels } from '../../entities/entity-set';
import type { PluginRecord } from '../plugin-records';
import { EntityRepository, lowerCased } from './entity-repository';
import type { Journal } from './journal';
import type { MemoryTables } from './memory-tables';

/**
 * What a memory adapter (or one of its transactions) shares with the adapter it came from: the models and
 * the tables. Only the journal differs between an adapter and its transactions.
 */
export interface MemoryState<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object> {
  readonly models: EntityModels<U, S, A, O, M, I, V>;
  readonly tables: MemoryTables<U, S, A, O, M, I, V>;
  /** The id of a new record of a kind, from the adapter's id strategy; shared so counters span transactions. */
  readonly newId: (kind: EntityKind) => string;
  /** Rows of plugin tables, by table name. */
  readonly records: Map<string, PluginRecord[]>;
}

/** The seven repositories an adapter works through, all writing to one journal (or none). */
export interface MemoryRepositories<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object> {
  readonly users: EntityRepository<U, 'email' | 'username', never>;
  readonly sessions: EntityRepository<S, 'token', 'userId'>;
  readonly accounts: EntityRepository<A, 'providerAccount', 'userId'>;
  readonly verifications: EntityRepository<V, never, 'identifier'>;
  readonly organizations: EntityRepository<O, 'slug', never>;
  readonly members: EntityRepository<M, 'organizationUser', 'organizationId' | 'userId'>;
  readonly invitations: EntityRepository<I, never, 'organizationId' | 'email' | 'inviterId'>;
}

/**
 * Binds the shared tables to one journal. Cheap (seven small objects), so every transaction gets its own.
 * @example
 * const repos = createRepositories(state, null);
 * repos.users.findUnique('email', 'ada@example.com');
 */
export function createRepositories<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object>(
  { models, tables, newId }: MemoryState<U, S, A, O, M, I, V>,
  journal: Journal | null,
): MemoryRepositories<U, S, A, O, M, I, V> {
  const ids = (kind: EntityKind) => () => newId(kind);
  return {
    users: new EntityRepository(models.user, tables.users, journal, lowerCased(models.user, 'email'), ids('user')),
    sessions: new EntityRepository(models.session, tables.sessions, journal, undefined, ids('session')),
    accounts: new EntityRepository(models.account, tables.accounts, journal, undefined, ids('account')),
    verifications: new EntityRepository(models.verification, tables.verifications, journal, undefined, ids('verification')),
    organizations: new EntityRepository(models.organization, tables.organizations, journal, undefined, ids('organization')),
    members: new EntityRepository(models.member, tables.members, journal, undefined, ids('member')),
    invitations: new EntityRepository(models.invitation, tables.invitations, journal, lowerCased(models.invitation, 'email'), ids('invitation')),
  };
}
