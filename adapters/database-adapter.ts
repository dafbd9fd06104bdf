import type { EntityModels } from '../entities/entity-set';
import type { EntityClass } from '../entities/model/entity-model';
import type { STANDARD_FIELD_TABLE } from '../entities/standard-field-table';
import type { PluginRecords, RecordTable } from './plugin-records';
import type {
  CreateAccountData,
  CreateInvitationData,
  CreateMemberData,
  CreateOrganizationData,
  CreateSessionData,
  CreateUserData,
  CreateVerificationData,
  ListFilter,
  ListMembersOptions,
  ListUsersOptions,
  PageOptions,
  SessionWithUser,
  UpdateAccountData,
  UpdateInvitationData,
  UpdateMemberData,
  UpdateOrganizationData,
  UpdateSessionData,
  UpdateUserData,
  UserPage,
} from './inputs';

/** The user fields that are unique in every adapter (from the table of standard fields): `'email' | 'username'`. */
export type UniqueUserField = {
  [F in keyof UserRows]: UserRows[F] extends { unique: true } ? F : never;
}[keyof UserRows];
type UserRows = (typeof STANDARD_FIELD_TABLE)['user'];

/**
 * The storage contract of the auth engine, generic over the seven entity classes so that every read returns
 * the user's own class (`AppUser` with its `plan`), never a generic record.
 *
 * Rules every implementation keeps (the conformance suite checks them):
 * - every method returns a promise; "not found" is `null` (or `false` / `0` for deletes);
 * - creates fill in `id`, `createdAt`, `updatedAt` and defaults, and return the stored entity;
 * - emails are stored lower-cased and compared case-insensitively;
 * - uniqueness (user email and username, session token, account provider + account id, organization slug,
 *   member organization + user) holds under concurrent calls, broken with `UniqueConstraintError`;
 * - deleting a user deletes its sessions, accounts, memberships and the invitations it sent; deleting an
 *   organization deletes its members and invitations;
 * - a record is expired when `expiresAt <= now`; reads do not filter expired sessions (the engine decides),
 *   only `deleteExpired*` and `consumeVerification` look at expiry;
 * - returned entities are copies: changing one never changes what is stored.
 *
 * @example
 * const db: DatabaseAdapter<AppUser, AppSession> = new MemoryDatabaseAdapter({ user: AppUser, session: AppSession });
 * const user = await db.createUser({ email: 'ada@example.com', name: 'Ada' }); // user.plan === 'free'
 */
export interface DatabaseAdapter<
  U extends object = object,
  S extends object = object,
  A extends object = object,
  O extends object = object,
  M extends object = object,
  I extends object = object,
  V extends object = object,
> {
  /** The validated entity models; the engine reads and writes fields through them. */
  readonly models: EntityModels<U, S, A, O, M, I, V>;

  // --- users
  createUser(data: CreateUserData<U>): Promise<U>;
  getUserById(id: string): Promise<U | null>;
  getUserByEmail(email: string): Promise<U | null>;
  /**
   * The user whose unique field `field` holds `value` (emails compared case-insensitively), or `null`: how a
   * plugin finds users by a field of its own (the username plugin by `username`) without a method per plugin
   * in this contract.
   * @example
   * await db.findUserBy('username', 'ada');
   */
  findUserBy(field: UniqueUserField, value: string): Promise<U | null>;
  updateUser(id: string, data: UpdateUserData<U>): Promise<U | null>;
  /** Deletes the user with its sessions, accounts, memberships and the invitations it sent. */
  deleteUser(id: string): Promise<boolean>;
  listUsers(options?: ListUsersOptions): Promise<UserPage<U>>;
  /** The users with these ids (unknown ids are skipped), in no particular order: one query, for lists that show members. */
  getUsersByIds(ids: readonly string[]): Promise<U[]>;

  // --- sessions (`token` is the stored digest, never the raw token)
  createSession(data: CreateSessionData<S>): Promise<S>;
  getSessionByToken(token: string): Promise<S | null>;
  /** The session and its user in one call (one query in SQL): the hot path of every request. */
  getSessionWithUser(token: string): Promise<SessionWithUser<S, U> | null>;
  listSessionsForUser(userId: string): Promise<S[]>;
  updateSession(id: string, data: UpdateSessionData<S>): Promise<S | null>;
  deleteSession(id: string): Promise<boolean>;
  /** Deletes the user's sessions, except `exceptSessionId` when given; returns how many went. */
  deleteSessionsForUser(userId: string, options?: { exceptSessionId?: string }): Promise<number>;
  deleteExpiredSessions(now?: Date): Promise<number>;

  // --- accounts
  createAccount(data: CreateAccountData<A>): Promise<A>;
  getAccountByProvider(providerId: string, accountId: string): Promise<A | null>;
  listAccountsForUser(userId: string): Promise<A[]>;
  updateAccount(id: string, data: UpdateAccountData<A>): Promise<A | null>;
  deleteAccount(id: string): Promise<boolean>;

  // --- verifications
  createVerification(data: CreateVerificationData<V>): Promise<V>;
  /** The newest record with this identifier, expired or not. */
  getVerificationByIdentifier(identifier: string): Promise<V | null>;
  /**
   * Single use, atomically: deletes every record with this identifier and returns the newest one if it has not
   * expired. Of many concurrent calls with one identifier, at most one gets a record.
   */
  consumeVerification(identifier: string, now?: Date): Promise<V | null>;
  deleteVerification(id: string): Promise<boolean>;
  deleteExpiredVerifications(now?: Date): Promise<number>;

  // --- organizations
  createOrganization(data: CreateOrganizationData<O>): Promise<O>;
  getOrganizationById(id: string): Promise<O | null>;
  getOrganizationBySlug(slug: string): Promise<O | null>;
  updateOrganization(id: string, data: UpdateOrganizationData<O>): Promise<O | null>;
  /** Deletes the organization with its members and invitations. */
  deleteOrganization(id: string): Promise<boolean>;
  listOrganizationsForUser(userId: string): Promise<O[]>;

  // --- members
  createMember(data: CreateMemberData<M>): Promise<M>;
  getMemberById(id: string): Promise<M | null>;
  getMember(organizationId: string, userId: string): Promise<M | null>;
  /**
   * In the order they joined (ties by id) unless `sortBy` says otherwise (nulls last, ties by id);
   * `filter` keeps the matching ones; `limit`/`offset` bound the list for large organizations.
   */
  listMembers(organizationId: string, options?: ListMembersOptions): Promise<M[]>;
  /** How many members the organization has (matching `filter` when given). */
  countMembers(organizationId: string, filter?: ListFilter): Promise<number>;
  updateMember(id: string, data: UpdateMemberData<M>): Promise<M | null>;
  deleteMember(id: string): Promise<boolean>;

  // --- invitations
  createInvitation(data: CreateInvitationData<I>): Promise<I>;
  getInvitationById(id: string): Promise<I | null>;
  listInvitations(organizationId: string): Promise<I[]>;
  listInvitationsForEmail(email: string): Promise<I[]>;
  countPendingInvitations(organizationId: string): Promise<number>;
  /**
   * With `expected`, the update happens only while the stored status is `expected.status`, atomically (of many
   * concurrent calls expecting `pending`, one wins): `null` when no row has `id` or its status differs.
   */
  updateInvitation(id: string, data: UpdateInvitationData<I>, expected?: { status: string }): Promise<I | null>;
  deleteInvitation(id: string): Promise<boolean>;

  /**
   * Runs `fn` with an adapter whose writes all land or, when `fn` throws, none do; the error is rethrown.
   */
  transaction<T>(fn: (tx: DatabaseAdapter<U, S, A, O, M, I, V>) => Promise<T>): Promise<T>;

  /**
   * The rows of a table a plugin declared; optional, so adapters without plugin tables still satisfy the
   * contract (a plugin that needs one fails when it asks for its table).
   */
  records?(table: RecordTable): PluginRecords;

  /**
   * The app's own classes for plugin tables (`records: [AppTwoFactor]` when the adapter was built), by the
   * model each serves; the auth checks them against the plugins' declarations when it is built.
   */
  readonly recordClasses?: ReadonlyMap<string, EntityClass<object>>;

  /** Releases connections; the memory adapter has nothing to release. */
  close(): Promise<void>;
}

/** The user class an adapter stores. */
export type UserOf<DB> = DB extends DatabaseAdapter<infer U, object, object, object, object, object, object> ? U : never;
/** The session class an adapter stores. */
export type SessionOf<DB> = DB extends DatabaseAdapter<object, infer S, object, object, object, object, object> ? S : never;
/** The account class an adapter stores. */
export type AccountOf<DB> = DB extends DatabaseAdapter<object, object, infer A, object, object, object, object> ? A : never;
