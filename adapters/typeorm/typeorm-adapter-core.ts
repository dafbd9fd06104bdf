import type { EntityManager } from 'typeorm';
import type { EntityModels } from '../../entities/entity-set';
import type { DatabaseAdapter, UniqueUserField } from '../database-adapter';
import type * as In from '../inputs';
import { readOrganizationsOfUser, readSessionWithUser } from './joined-reads';
import type { PluginRecords, RecordTable } from '../plugin-records';
import { runInTransaction } from './run-in-transaction';
import { SqlRecords } from './sql-records';
import { atMost, eq, ne, oneOf, type Condition, type ReadOptions } from './sql-table';
import { filterCondition, userListConditions } from './user-list-conditions';
import { bindTables, type SqlTables, type TypeOrmState } from './typeorm-state';

/** Lists come back in creation order (ties broken by id, so pages and test expectations are stable). */
const CREATION_ORDER: ReadOptions = { order: [['createdAt', 'ASC'], ['id', 'ASC']] };
const NEWEST_FIRST: ReadOptions = { order: [['createdAt', 'DESC'], ['id', 'DESC']] };
const DEFAULT_USER_PAGE_SIZE = 100;

/** One organization's members, narrowed by a list filter when there is one. */
const memberConditions = (organizationId: string, filter: In.ListFilter | undefined): Condition[] =>
  filter ? [eq('organizationId', organizationId), filterCondition(filter)] : [eq('organizationId', organizationId)];

/**
 * Every contract method of the TypeORM adapter, running on one EntityManager: the DataSource's own, or the
 * one of a transaction (the adapter handed to a `transaction()` callback is another instance of this class).
 * Each method is one gated operation (see OperationGate) whose statements go through the SqlTables.
 *
 * Construct it through `TypeOrmAdapter`; this class exists so `transaction()` can build an adapter over the
 * transaction's manager without a public constructor for it.
 * @example
 * const db = await TypeOrmAdapter.connect('sqlite::memory:');
 * await db.transaction(async (tx) => tx.createUser({ email: 'ada@example.com' }));
 */
export class TypeOrmAdapterCore<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object>
  implements DatabaseAdapter<U, S, A, O, M, I, V>
{
  readonly models: EntityModels<U, S, A, O, M, I, V>;
  private readonly tables: SqlTables<U, S, A, O, M, I, V>;

  protected constructor(
    protected readonly state: TypeOrmState<U, S, A, O, M, I, V>,
    private readonly manager: EntityManager,
  ) {
    this.models = state.models;
    this.tables = bindTables(state, manager);
  }

  // --- users
  createUser(data: In.CreateUserData<U>): Promise<U> {
    return this.op(() => this.tables.users.insert(data));
  }
  getUserById(id: string): Promise<U | null> {
    return this.op(() => this.tables.users.get(id));
  }
  getUserByEmail(email: string): Promise<U | null> {
    return this.op(() => this.tables.users.findOne([eq('email', email)]));
  }
  findUserBy(field: UniqueUserField, value: string): Promise<U | null> {
    return field === 'email' ? this.getUserByEmail(value) : this.op(() => this.tables.users.findOne([eq(field, value)]));
  }
  updateUser(id: string, data: In.UpdateUserData<U>): Promise<U | null> {
    return this.op(() => this.tables.users.update(id, data));
  }
  /** One transaction, children first: it must not depend on foreign keys (or their cascades) existing. */
  deleteUser(id: string): Promise<boolean> {
    return this.withTables(async ({ users, sessions, accounts, members, invitations }) => {
      await sessions.delete([eq('userId', id)]);
      await accounts.delete([eq('userId', id)]);
      await members.delete([eq('userId', id)]);
      await invitations.delete([eq('inviterId', id)]);
      return (await users.delete([eq('id', id)])) > 0;
    });
  }
  listUsers(options: In.ListUsersOptions = {}): Promise<In.UserPage<U>> {
    const { limit = DEFAULT_USER_PAGE_SIZE, offset = 0, sortBy = 'createdAt', sortDirection = 'asc' } = options;
    const filter = userListConditions(options);
    const direction = sortDirection === 'desc' ? 'DESC' : 'ASC';
    return this.op(async () => {
      const page = { order: [[sortBy, direction], ['id', 'ASC']] as const, nullsLast: true, limit: Math.max(0, limit), offset: Math.max(0, offset) };
      const users = page.limit === 0 ? [] : await this.tables.users.findMany(filter, page);
      return { users, total: await this.tables.users.count(filter) };
    });
  }

  getUsersByIds(ids: readonly string[]): Promise<U[]> {
    const unique = [...new Set(ids)];
    return unique.length === 0 ? Promise.resolve([]) : this.op(() => this.tables.users.findMany([oneOf('id', unique)]));
  }

  // --- sessions (expired ones are returned too: the engine decides what an expired session means)
  createSession(data: In.CreateSessionData<S>): Promise<S> {
    return this.op(() => this.tables.sessions.insert(data));
  }
  getSessionByToken(token: string): Promise<S | null> {
    return this.op(() => this.tables.sessions.findOne([eq('token', token)]));
  }
  getSessionWithUser(token: string): Promise<In.SessionWithUser<S, U> | null> {
    return this.op(() => readSessionWithUser(this.tables.sessions, this.tables.users, token, this.state.joins));
  }
  listSessionsForUser(userId: string): Promise<S[]> {
    return this.op(() => this.tables.sessions.findMany([eq('userId', userId)], CREATION_ORDER));
  }
  updateSession(id: string, data: In.UpdateSessionData<S>): Promise<S | null> {
    return this.op(() => this.tables.sessions.update(id, data));
  }
  deleteSession(id: string): Promise<boolean> {
    return this.op(async () => (await this.tables.sessions.delete([eq('id', id)])) > 0);
  }
  deleteSessionsForUser(userId: string, options: { exceptSessionId?: string } = {}): Promise<number> {
    const except = options.exceptSessionId === undefined ? [] : [ne('id', options.exceptSessionId)];
    return this.op(() => this.tables.sessions.delete([eq('userId', userId), ...except]));
  }
  deleteExpiredSessions(now: Date = new Date()): Promise<number> {
    return this.op(() => this.tables.sessions.delete([atMost('expiresAt', now)]));
  }

  // --- accounts
  createAccount(data: In.CreateAccountData<A>): Promise<A> {
    return this.op(() => this.tables.accounts.insert(data));
  }
  getAccountByProvider(providerId: string, accountId: string): Promise<A | null> {
    return this.op(() => this.tables.accounts.findOne([eq('providerId', providerId), eq('accountId', accountId)]));
  }
  listAccountsForUser(userId: string): Promise<A[]> {
    return this.op(() => this.tables.accounts.findMany([eq('userId', userId)], CREATION_ORDER));
  }
  updateAccount(id: string, data: In.UpdateAccountData<A>): Promise<A | null> {
    return this.op(() => this.tables.accounts.update(id, data));
  }
  deleteAccount(id: string): Promise<boolean> {
    return this.op(async () => (await this.tables.accounts.delete([eq('id', id)])) > 0);
  }

  // --- verifications
  createVerification(data: In.CreateVerificationData<V>): Promise<V> {
    return this.op(() => this.tables.verifications.insert(data));
  }
  getVerificationByIdentifier(identifier: string): Promise<V | null> {
    return this.op(() => this.tables.verifications.findOne([eq('identifier', identifier)], NEWEST_FIRST));
  }
  /**
   * Reads the records, then claims the newest by deleting it by id: the database lets exactly one of any
   * number of concurrent deletes of a row report it deleted, and only that caller gets the record. The same
   * two statements work on every dialect and need no transaction or row lock.
   */
  consumeVerification(identifier: string, now: Date = new Date()): Promise<V | null> {
    const { verifications } = this.tables;
    const model = this.models.verification;
    return this.op(async () => {
      const [newest, ...older] = await verifications.findMany([eq('identifier', identifier)], NEWEST_FIRST);
      if (!newest) return null;
      const claimed = (await verifications.delete([eq('id', model.read(newest, 'id'))])) > 0;
      if (!claimed) return null; // another caller consumed it first
      if (older.length > 0) await verifications.delete([oneOf('id', older.map((row) => model.read(row, 'id')))]);
      const expiresAt = model.read(newest, 'expiresAt');
      return expiresAt.getTime() > now.getTime() ? newest : null;
    });
  }
  deleteVerification(id: string): Promise<boolean> {
    return this.op(async () => (await this.tables.verifications.delete([eq('id', id)])) > 0);
  }
  deleteExpiredVerifications(now: Date = new Date()): Promise<number> {
    return this.op(() => this.tables.verifications.delete([atMost('expiresAt', now)]));
  }

  // --- organizations
  createOrganization(data: In.CreateOrganizationData<O>): Promise<O> {
    return this.op(() => this.tables.organizations.insert(data));
  }
  getOrganizationById(id: string): Promise<O | null> {
    return this.op(() => this.tables.organizations.get(id));
  }
  getOrganizationBySlug(slug: string): Promise<O | null> {
    return this.op(() => this.tables.organizations.findOne([eq('slug', slug)]));
  }
  updateOrganization(id: string, data: In.UpdateOrganizationData<O>): Promise<O | null> {
    return this.op(() => this.tables.organizations.update(id, data));
  }
  deleteOrganization(id: string): Promise<boolean> {
    return this.withTables(async ({ organizations, members, invitations }) => {
      await members.delete([eq('organizationId', id)]);
      await invitations.delete([eq('organizationId', id)]);
      return (await organizations.delete([eq('id', id)])) > 0;
    });
  }
  /** In the order the user joined them. */
  listOrganizationsForUser(userId: string): Promise<O[]> {
    return this.op(() => readOrganizationsOfUser(this.tables.organizations, this.tables.members, userId));
  }

  // --- members
  createMember(data: In.CreateMemberData<M>): Promise<M> {
    return this.op(() => this.tables.members.insert(data));
  }
  getMemberById(id: string): Promise<M | null> {
    return this.op(() => this.tables.members.get(id));
  }
  getMember(organizationId: string, userId: string): Promise<M | null> {
    return this.op(() => this.tables.members.findOne([eq('organizationId', organizationId), eq('userId', userId)]));
  }
  listMembers(organizationId: string, options: In.ListMembersOptions = {}): Promise<M[]> {
    const direction = options.sortDirection === 'desc' ? 'DESC' : 'ASC';
    // A chosen order still ends in joining order, then id: pages of equal keys do not shuffle between requests.
    // (TypeORM keys ORDER BY terms by column, so the sort field is not repeated among the tie-breakers.)
    const sortBy = options.sortBy;
    const tieBreakers = (CREATION_ORDER.order ?? []).filter(([field]) => field !== sortBy);
    const order: ReadOptions = sortBy ? { order: [[sortBy, direction], ...tieBreakers], nullsLast: true } : CREATION_ORDER;
    const slice = { ...order, limit: options.limit === undefined ? undefined : Math.max(0, options.limit), offset: Math.max(0, options.offset ?? 0) };
    if (slice.limit === 0) return Promise.resolve([]);
    return this.op(() => this.tables.members.findMany(memberConditions(organizationId, options.filter), slice));
  }
  countMembers(organizationId: string, filter?: In.ListFilter): Promise<number> {
    return this.op(() => this.tables.members.count(memberConditions(organizationId, filter)));
  }
  updateMember(id: string, data: In.UpdateMemberData<M>): Promise<M | null> {
    return this.op(() => this.tables.members.update(id, data));
  }
  deleteMember(id: string): Promise<boolean> {
    return this.op(async () => (await this.tables.members.delete([eq('id', id)])) > 0);
  }

  // --- invitations
  createInvitation(data: In.CreateInvitationData<I>): Promise<I> {
    return this.op(() => this.tables.invitations.insert(data));
  }
  getInvitationById(id: string): Promise<I | null> {
    return this.op(() => this.tables.invitations.get(id));
  }
  listInvitations(organizationId: string): Promise<I[]> {
    return this.op(() => this.tables.invitations.findMany([eq('organizationId', organizationId)], CREATION_ORDER));
  }
  listInvitationsForEmail(email: string): Promise<I[]> {
    return this.op(() => this.tables.invitations.findMany([eq('email', email)], CREATION_ORDER));
  }
  /** Counts status `pending` whatever `expiresAt` says; expiry is the organization plugin's call. */
  countPendingInvitations(organizationId: string): Promise<number> {
    return this.op(() => this.tables.invitations.count([eq('organizationId', organizationId), eq('status', 'pending')]));
  }
  /** With `expected`: one `UPDATE … WHERE id = ? AND status = ?`, so only one of concurrent callers changes the row. */
  updateInvitation(id: string, data: In.UpdateInvitationData<I>, expected?: { status: string }): Promise<I | null> {
    if (!expected) return this.op(() => this.tables.invitations.update(id, data));
    return this.op(async () => {
      const changed = await this.tables.invitations.updateWhere([eq('id', id), eq('status', expected.status)], data);
      return changed > 0 ? this.tables.invitations.get(id) : null;
    });
  }
  deleteInvitation(id: string): Promise<boolean> {
    return this.op(async () => (await this.tables.invitations.delete([eq('id', id)])) > 0);
  }

  /** A plugin table's rows on this adapter's manager (a transaction's, inside one). */
  records(table: RecordTable): PluginRecords {
    return new SqlRecords(table, this.manager, this.state.dialect);
  }

  /**
   * Runs `fn` in a database transaction (the DataSource's `manager.transaction`) with an adapter bound to it.
   * A call inside a transaction joins it through a savepoint, so an inner failure that the outer callback
   * catches undoes only the inner writes. `fn`'s own error is rethrown as it is (see runInTransaction).
   */
  transaction<T>(fn: (tx: DatabaseAdapter<U, S, A, O, M, I, V>) => Promise<T>): Promise<T> {
    return this.state.gate.run(() => runInTransaction(this.manager, this.state.errors, (manager) => fn(new TypeOrmAdapterCore(this.state, manager))), true);
  }

  /** Nothing to release: connections belong to the DataSource (see `TypeOrmAdapter.close`). */
  async close(): Promise<void> {}

  /** One adapter operation, serialised on SQLite (see OperationGate); it must not run the caller's code. */
  private op<T>(operation: () => Promise<T>): Promise<T> {
    return this.state.gate.run(operation);
  }

  /** An operation whose statements must land together: run in a transaction (or a savepoint of the current one). */
  private withTables<T>(operation: (tables: SqlTables<U, S, A, O, M, I, V>) => Promise<T>): Promise<T> {
    return this.op(() => runInTransaction(this.manager, this.state.errors, (manager) => operation(bindTables(this.state, manager))));
  }
}
