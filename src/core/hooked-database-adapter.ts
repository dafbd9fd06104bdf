import type { DatabaseAdapter, UniqueUserField } from '../../adapters/database-adapter';
import type { ListFilter, ListMembersOptions, ListUsersOptions } from '../../adapters/inputs';
import type { PluginRecords, RecordTable } from '../../adapters/plugin-records';
import { AuthError } from '../errors/auth-error';
import type { DatabaseHookContext, DatabaseHooks, HookData, HookedKind } from './database-hooks';
import { currentRequestScope } from './request-scope';

type Db = DatabaseAdapter;
// The adapter's typed inputs are the standard fields plus the class's own; hooks see them as plain records.
type Input = Record<string, unknown>;

/**
 * Runs the configured database hooks around the engine's writes: the one place hooks apply, wrapped around
 * the adapter in `BetterAuth.build()`, so no flow and no adapter has to know about them. Transactions hand
 * their transactional adapter to `fn` wrapped again, so an aborting hook inside one rolls the whole of it back.
 * Reads and bulk deletes (expired rows, a user's other sessions) pass straight through, as in better-auth.
 * @example
 * const db = new HookedDatabaseAdapter(new MemoryDatabaseAdapter(), { user: { create: { before: () => false } } });
 * await db.createUser({ email: 'a@example.com' }); // throws AuthError DATABASE_HOOK_ABORTED, nothing stored
 */
export class HookedDatabaseAdapter implements Db {
  constructor(
    /** The adapter the hooks wrap (the schema tools reach the TypeORM DataSource through it). */
    readonly inner: Db,
    private readonly hooks: DatabaseHooks,
  ) {}

  get models() {
    return this.inner.models;
  }

  get recordClasses() {
    return this.inner.recordClasses;
  }

  // --- users
  createUser(data: Input): Promise<object> {
    return this.create('user', data, (values) => this.inner.createUser(values));
  }
  getUserById = (id: string) => this.inner.getUserById(id);
  getUserByEmail = (email: string) => this.inner.getUserByEmail(email);
  findUserBy = (field: UniqueUserField, value: string) => this.inner.findUserBy(field, value);
  updateUser(id: string, data: Input): Promise<object | null> {
    return this.update('user', id, data, (values) => this.inner.updateUser(id, values));
  }
  async deleteUser(id: string): Promise<boolean> {
    const user = await this.inner.getUserById(id);
    if (!user) return false;
    return this.delete('user', id, this.inner.models.user.toValues(user), () => this.inner.deleteUser(id));
  }
  listUsers = (options?: ListUsersOptions) => this.inner.listUsers(options);
  getUsersByIds = (ids: readonly string[]) => this.inner.getUsersByIds(ids);

  // --- sessions
  createSession(data: Input): Promise<object> {
    return this.create('session', data, (values) => this.inner.createSession(values as never));
  }
  getSessionByToken = (token: string) => this.inner.getSessionByToken(token);
  getSessionWithUser = (token: string) => this.inner.getSessionWithUser(token);
  listSessionsForUser = (userId: string) => this.inner.listSessionsForUser(userId);
  updateSession(id: string, data: Input): Promise<object | null> {
    return this.update('session', id, data, (values) => this.inner.updateSession(id, values));
  }
  deleteSession(id: string): Promise<boolean> {
    return this.delete('session', id, { id }, () => this.inner.deleteSession(id));
  }
  deleteSessionsForUser = (userId: string, options?: { exceptSessionId?: string }) => this.inner.deleteSessionsForUser(userId, options);
  deleteExpiredSessions = (now?: Date) => this.inner.deleteExpiredSessions(now);

  // --- accounts
  createAccount(data: Input): Promise<object> {
    return this.create('account', data, (values) => this.inner.createAccount(values as never));
  }
  getAccountByProvider = (providerId: string, accountId: string) => this.inner.getAccountByProvider(providerId, accountId);
  listAccountsForUser = (userId: string) => this.inner.listAccountsForUser(userId);
  updateAccount(id: string, data: Input): Promise<object | null> {
    return this.update('account', id, data, (values) => this.inner.updateAccount(id, values));
  }
  deleteAccount(id: string): Promise<boolean> {
    return this.delete('account', id, { id }, () => this.inner.deleteAccount(id));
  }

  // --- verifications
  createVerification(data: Input): Promise<object> {
    return this.create('verification', data, (values) => this.inner.createVerification(values as never));
  }
  getVerificationByIdentifier = (identifier: string) => this.inner.getVerificationByIdentifier(identifier);
  /** Consuming deletes: the delete hooks see the newest record with the identifier, the one consumed. */
  async consumeVerification(identifier: string, now?: Date): Promise<object | null> {
    const hooks = this.hooks.verification?.delete;
    if (!hooks) return this.inner.consumeVerification(identifier, now);
    const newest = await this.inner.getVerificationByIdentifier(identifier);
    const values = newest ? this.inner.models.verification.toValues(newest) : null;
    const context = values ? hookContext(values.id as string) : null;
    if (values && context && (await hooks.before?.(values, context)) === false) throw aborted('delete', 'verification');
    const consumed = await this.inner.consumeVerification(identifier, now);
    if (consumed && hooks.after) await hooks.after(this.inner.models.verification.toValues(consumed), hookContext(values?.id as string));
    return consumed;
  }
  deleteVerification(id: string): Promise<boolean> {
    return this.delete('verification', id, { id }, () => this.inner.deleteVerification(id));
  }
  deleteExpiredVerifications = (now?: Date) => this.inner.deleteExpiredVerifications(now);

  // --- organizations, members, invitations: not hooked (better-auth hooks these through the plugin's own options)
  createOrganization = (data: Parameters<Db['createOrganization']>[0]) => this.inner.createOrganization(data);
  getOrganizationById = (id: string) => this.inner.getOrganizationById(id);
  getOrganizationBySlug = (slug: string) => this.inner.getOrganizationBySlug(slug);
  updateOrganization = (id: string, data: Parameters<Db['updateOrganization']>[1]) => this.inner.updateOrganization(id, data);
  deleteOrganization = (id: string) => this.inner.deleteOrganization(id);
  listOrganizationsForUser = (userId: string) => this.inner.listOrganizationsForUser(userId);
  createMember = (data: Parameters<Db['createMember']>[0]) => this.inner.createMember(data);
  getMemberById = (id: string) => this.inner.getMemberById(id);
  getMember = (organizationId: string, userId: string) => this.inner.getMember(organizationId, userId);
  listMembers = (organizationId: string, options?: ListMembersOptions) => this.inner.listMembers(organizationId, options);
  countMembers = (organizationId: string, filter?: ListFilter) => this.inner.countMembers(organizationId, filter);
  updateMember = (id: string, data: Parameters<Db['updateMember']>[1]) => this.inner.updateMember(id, data);
  deleteMember = (id: string) => this.inner.deleteMember(id);
  createInvitation = (data: Parameters<Db['createInvitation']>[0]) => this.inner.createInvitation(data);
  getInvitationById = (id: string) => this.inner.getInvitationById(id);
  listInvitations = (organizationId: string) => this.inner.listInvitations(organizationId);
  listInvitationsForEmail = (email: string) => this.inner.listInvitationsForEmail(email);
  countPendingInvitations = (organizationId: string) => this.inner.countPendingInvitations(organizationId);
  updateInvitation = (id: string, data: Parameters<Db['updateInvitation']>[1], expected?: { status: string }) => this.inner.updateInvitation(id, data, expected);
  deleteInvitation = (id: string) => this.inner.deleteInvitation(id);

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.inner.transaction((tx) => fn(new HookedDatabaseAdapter(tx, this.hooks)));
  }

  records(table: RecordTable): PluginRecords {
    if (!this.inner.records) throw new Error('This database adapter has no plugin tables (records()).');
    return this.inner.records(table);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async create(kind: HookedKind, data: Input, write: (values: Input) => Promise<object>): Promise<object> {
    const hooks = this.hooks[kind]?.create;
    if (!hooks) return write(data);
    const context = hookContext(undefined);
    const values = await before(hooks.before, data, context, 'create', kind);
    const stored = await write(values);
    await hooks.after?.(this.inner.models[kind].toValues(stored as never), context);
    return stored;
  }

  private async update(kind: HookedKind, id: string, data: Input, write: (values: Input) => Promise<object | null>): Promise<object | null> {
    const hooks = this.hooks[kind]?.update;
    if (!hooks) return write(data);
    const context = hookContext(id);
    const values = await before(hooks.before, data, context, 'update', kind);
    const stored = await write(values);
    if (stored) await hooks.after?.(this.inner.models[kind].toValues(stored as never), context);
    return stored;
  }

  private async delete(kind: HookedKind, id: string, record: HookData, remove: () => Promise<boolean>): Promise<boolean> {
    const hooks = this.hooks[kind]?.delete;
    if (!hooks) return remove();
    const context = hookContext(id);
    if ((await hooks.before?.(record, context)) === false) throw aborted('delete', kind);
    const removed = await remove();
    if (removed) await hooks.after?.(record, context);
    return removed;
  }
}

async function before(
  hook: ((data: HookData, context: DatabaseHookContext) => unknown) | undefined,
  data: Input,
  context: DatabaseHookContext,
  operation: string,
  kind: HookedKind,
): Promise<Input> {
  if (!hook) return data;
  // The hook gets a copy: what it changes in place must not leak into the write unless it says `{ data }`.
  const result = (await hook({ ...data }, context)) as false | { data?: Input } | undefined | null;
  if (result === false) throw aborted(operation, kind);
  return result && typeof result === 'object' && result.data ? { ...data, ...result.data } : data;
}

function aborted(operation: string, kind: HookedKind): AuthError {
  return new AuthError('DATABASE_HOOK_ABORTED', `A database hook refused to ${operation} the ${kind}.`);
}

/** The request and session of the current request scope, read when a hook is about to run. */
function hookContext(id: string | undefined): DatabaseHookContext {
  const scope = currentRequestScope();
  const client = scope?.context?.client;
  const active = scope?.context?.settledSession() ?? null;
  const request = scope
    ? {
        method: scope.request.method,
        path: scope.request.path,
        ipAddress: client?.ipAddress ?? scope.request.remoteAddress,
        userAgent: client?.userAgent ?? scope.request.header('user-agent') ?? null,
        header: (name: string) => scope.request.header(name.toLowerCase()),
      }
    : null;
  return { request, session: active ? { session: active.session, user: active.user } : null, ...(id === undefined ? {} : { id }) };
}
