import type { EntityModels } from '../../entities/entity-set';
import type { DatabaseAdapter, UniqueUserField } from '../database-adapter';
import type * as In from '../inputs';
import { isExpired, newest } from './expiry';
import type { PluginRecords, RecordTable } from '../plugin-records';
import { Journal } from './journal';
import { MemoryRecords } from './memory-records';
import { filterTest, selectUsers } from './list-users';
import { selectMembers } from './list-members';
import { createRepositories, type MemoryRepositories, type MemoryState } from './memory-repositories';
import { compositeKey } from './memory-tables';

/**
 * Every contract method of the memory adapter, over tables it may share with its transactions.
 *
 * The methods are `async` but never `await`: each one does all its checking and writing synchronously
 * before returning its promise, which is what makes uniqueness and single-use consumption hold under
 * concurrent calls without locks. Reads hand out copies; the tables keep their own.
 *
 * Construct it through `MemoryDatabaseAdapter`; this class exists so `transaction()` can build an adapter
 * over the same tables without a public constructor for it.
 * @example
 * const db = new MemoryDatabaseAdapter();
 * await db.transaction(async (tx) => tx.createUser({ email: 'ada@example.com' }));
 */
export class MemoryAdapterCore<U extends object, S extends object, A extends object, O extends object, M extends object, I extends object, V extends object>
  implements DatabaseAdapter<U, S, A, O, M, I, V>
{
  readonly models: EntityModels<U, S, A, O, M, I, V>;
  private readonly repos: MemoryRepositories<U, S, A, O, M, I, V>;

  protected constructor(
    private readonly state: MemoryState<U, S, A, O, M, I, V>,
    private readonly journal: Journal | null,
  ) {
    this.models = state.models;
    this.repos = createRepositories(state, journal);
  }

  // --- users
  async createUser(data: In.CreateUserData<U>): Promise<U> {
    return this.repos.users.create(data);
  }
  async getUserById(id: string): Promise<U | null> {
    return this.repos.users.get(id);
  }
  async getUserByEmail(email: string): Promise<U | null> {
    return this.repos.users.findUnique('email', email.toLowerCase());
  }
  async findUserBy(field: UniqueUserField, value: string): Promise<U | null> {
    return field === 'email' ? this.getUserByEmail(value) : this.repos.users.findUnique(field, value);
  }
  async updateUser(id: string, data: In.UpdateUserData<U>): Promise<U | null> {
    return this.repos.users.update(id, data);
  }
  async deleteUser(id: string): Promise<boolean> {
    const { users, sessions, accounts, members, invitations } = this.repos;
    if (!users.table.get(id)) return false;
    sessions.deleteGroup('userId', id);
    accounts.deleteGroup('userId', id);
    members.deleteGroup('userId', id);
    // Invitations the user sent would point at nobody (and block the delete under a SQL foreign key).
    invitations.deleteGroup('inviterId', id);
    return users.delete(id);
  }
  async listUsers(options?: In.ListUsersOptions): Promise<In.UserPage<U>> {
    const { rows, total } = selectUsers(this.models.user, this.state.tables.users.all(), options);
    return { users: rows.map((row) => this.models.user.clone(row)), total };
  }

  async getUsersByIds(ids: readonly string[]): Promise<U[]> {
    return [...new Set(ids)].map((id) => this.repos.users.get(id)).filter((user): user is U => user !== null);
  }

  // --- sessions (expired ones are returned too: the engine decides what an expired session means)
  async createSession(data: In.CreateSessionData<S>): Promise<S> {
    return this.repos.sessions.create(data);
  }
  async getSessionByToken(token: string): Promise<S | null> {
    return this.repos.sessions.findUnique('token', token);
  }
  async getSessionWithUser(token: string): Promise<In.SessionWithUser<S, U> | null> {
    const session = this.repos.sessions.findUnique('token', token);
    if (!session) return null;
    const user = this.repos.users.get(String(this.models.session.read(session, 'userId')));
    return user ? { session, user } : null;
  }
  /** In creation order. */
  async listSessionsForUser(userId: string): Promise<S[]> {
    return this.repos.sessions.findGroup('userId', userId);
  }
  async updateSession(id: string, data: In.UpdateSessionData<S>): Promise<S | null> {
    return this.repos.sessions.update(id, data);
  }
  async deleteSession(id: string): Promise<boolean> {
    return this.repos.sessions.delete(id);
  }
  async deleteSessionsForUser(userId: string, options: { exceptSessionId?: string } = {}): Promise<number> {
    return this.repos.sessions.deleteGroup('userId', userId, options.exceptSessionId);
  }
  async deleteExpiredSessions(now: Date = new Date()): Promise<number> {
    return this.repos.sessions.deleteWhere((row) => isExpired(this.models.session, row, now));
  }

  // --- accounts
  async createAccount(data: In.CreateAccountData<A>): Promise<A> {
    return this.repos.accounts.create(data);
  }
  async getAccountByProvider(providerId: string, accountId: string): Promise<A | null> {
    return this.repos.accounts.findUnique('providerAccount', compositeKey(providerId, accountId));
  }
  async listAccountsForUser(userId: string): Promise<A[]> {
    return this.repos.accounts.findGroup('userId', userId);
  }
  async updateAccount(id: string, data: In.UpdateAccountData<A>): Promise<A | null> {
    return this.repos.accounts.update(id, data);
  }
  async deleteAccount(id: string): Promise<boolean> {
    return this.repos.accounts.delete(id);
  }

  // --- verifications
  async createVerification(data: In.CreateVerificationData<V>): Promise<V> {
    return this.repos.verifications.create(data);
  }
  async getVerificationByIdentifier(identifier: string): Promise<V | null> {
    const rows = this.state.tables.verifications.findGroup('identifier', identifier);
    const found = newest(this.models.verification, rows);
    return found ? this.models.verification.clone(found) : null;
  }
  async consumeVerification(identifier: string, now: Date = new Date()): Promise<V | null> {
    const { verifications } = this.repos;
    const found = newest(this.models.verification, verifications.table.findGroup('identifier', identifier));
    if (!found) return null;
    // Deleting in the same synchronous step as the read is the whole of "single use": no caller can run between.
    verifications.deleteGroup('identifier', identifier);
    return isExpired(this.models.verification, found, now) ? null : this.models.verification.clone(found);
  }
  async deleteVerification(id: string): Promise<boolean> {
    return this.repos.verifications.delete(id);
  }
  async deleteExpiredVerifications(now: Date = new Date()): Promise<number> {
    return this.repos.verifications.deleteWhere((row) => isExpired(this.models.verification, row, now));
  }

  // --- organizations
  async createOrganization(data: In.CreateOrganizationData<O>): Promise<O> {
    return this.repos.organizations.create(data);
  }
  async getOrganizationById(id: string): Promise<O | null> {
    return this.repos.organizations.get(id);
  }
  async getOrganizationBySlug(slug: string): Promise<O | null> {
    return this.repos.organizations.findUnique('slug', slug);
  }
  async updateOrganization(id: string, data: In.UpdateOrganizationData<O>): Promise<O | null> {
    return this.repos.organizations.update(id, data);
  }
  async deleteOrganization(id: string): Promise<boolean> {
    const { organizations, members, invitations } = this.repos;
    if (!organizations.table.get(id)) return false;
    members.deleteGroup('organizationId', id);
    invitations.deleteGroup('organizationId', id);
    return organizations.delete(id);
  }
  /** In the order the user joined them. */
  async listOrganizationsForUser(userId: string): Promise<O[]> {
    const memberships = this.state.tables.members.findGroup('userId', userId);
    const ids = memberships.map((member) => String(this.models.member.read(member, 'organizationId')));
    return ids.map((id) => this.repos.organizations.get(id)).filter((org): org is O => org !== null);
  }

  // --- members
  async createMember(data: In.CreateMemberData<M>): Promise<M> {
    return this.repos.members.create(data);
  }
  async getMemberById(id: string): Promise<M | null> {
    return this.repos.members.get(id);
  }
  async getMember(organizationId: string, userId: string): Promise<M | null> {
    return this.repos.members.findUnique('organizationUser', compositeKey(organizationId, userId));
  }
  async listMembers(organizationId: string, options: In.ListMembersOptions = {}): Promise<M[]> {
    const rows = selectMembers(this.models.member, this.state.tables.members.findGroup('organizationId', organizationId), options);
    const offset = Math.max(0, options.offset ?? 0);
    const slice = options.limit === undefined ? rows.slice(offset) : rows.slice(offset, offset + Math.max(0, options.limit));
    return slice.map((row) => this.models.member.clone(row));
  }
  async countMembers(organizationId: string, filter?: In.ListFilter): Promise<number> {
    if (!filter) return this.state.tables.members.countGroup('organizationId', organizationId);
    return this.state.tables.members.findGroup('organizationId', organizationId).filter(filterTest(this.models.member, filter)).length;
  }
  async updateMember(id: string, data: In.UpdateMemberData<M>): Promise<M | null> {
    return this.repos.members.update(id, data);
  }
  async deleteMember(id: string): Promise<boolean> {
    return this.repos.members.delete(id);
  }

  // --- invitations
  async createInvitation(data: In.CreateInvitationData<I>): Promise<I> {
    return this.repos.invitations.create(data);
  }
  async getInvitationById(id: string): Promise<I | null> {
    return this.repos.invitations.get(id);
  }
  async listInvitations(organizationId: string): Promise<I[]> {
    return this.repos.invitations.findGroup('organizationId', organizationId);
  }
  async listInvitationsForEmail(email: string): Promise<I[]> {
    return this.repos.invitations.findGroup('email', email.toLowerCase());
  }
  /** Counts status `pending` whatever `expiresAt` says; expiry is the organization plugin's call. */
  async countPendingInvitations(organizationId: string): Promise<number> {
    const rows = this.state.tables.invitations.findGroup('organizationId', organizationId);
    return rows.filter((row) => this.models.invitation.read(row, 'status') === 'pending').length;
  }
  async updateInvitation(id: string, data: In.UpdateInvitationData<I>, expected?: { status: string }): Promise<I | null> {
    // The check and the write happen in one synchronous step: no other caller runs between them.
    if (expected) {
      const row = this.state.tables.invitations.get(id);
      if (!row || this.models.invitation.read(row, 'status') !== expected.status) return null;
    }
    return this.repos.invitations.update(id, data);
  }
  async deleteInvitation(id: string): Promise<boolean> {
    return this.repos.invitations.delete(id);
  }

  /** A plugin table's rows (see `PluginRecords`). */
  records(table: RecordTable): PluginRecords {
    return new MemoryRecords(this.state.records, table);
  }

  /**
   * Writes through `tx` are journaled and undone if `fn` throws. Isolation is READ UNCOMMITTED: other
   * callers see the writes before the transaction ends (see Journal). A nested call marks a savepoint in
   * the outer journal, so an inner failure that the outer callback catches undoes only the inner writes.
   */
  async transaction<T>(fn: (tx: DatabaseAdapter<U, S, A, O, M, I, V>) => Promise<T>): Promise<T> {
    const outermost = this.journal === null;
    const journal = this.journal ?? new Journal();
    const savepoint = journal.savepoint();
    try {
      const result = await fn(new MemoryAdapterCore(this.state, journal));
      if (outermost) journal.end();
      return result;
    } catch (error) {
      journal.rollbackTo(savepoint);
      if (outermost) journal.end();
      throw error;
    }
  }

  async close(): Promise<void> {}
}
