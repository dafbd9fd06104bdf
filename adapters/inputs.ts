import type {
  NeededOnCreate,
  StandardAccount,
  StandardInvitation,
  StandardMember,
  StandardOrganization,
  StandardSession,
  StandardUser,
  StandardVerification,
} from '../entities/standard-fields';

/** The user's own fields of an entity class: whatever it adds beyond the standard ones. */
export type CustomFields<T, Standard> = Omit<T, keyof Standard>;

/**
 * Values for a create: the standard fields in their standard names (the `Needed` ones required; the table of
 * standard fields says which, e.g. `token`, `userId` and `expiresAt` for a session), plus the
 * class's own custom properties. `id`, timestamps and defaults are filled in by the adapter when absent.
 */
export type CreateData<Standard, Needed extends keyof Standard, T> = Pick<Standard, Needed> &
  Partial<Omit<Standard, Needed>> &
  Partial<CustomFields<T, Standard>>;

/** Values for an update: any standard field but `id` and `createdAt`, plus custom properties. */
export type UpdateData<Standard, T> = Partial<Omit<Standard, 'id' | 'createdAt'>> & Partial<CustomFields<T, Standard>>;

export type CreateUserData<U> = CreateData<StandardUser, NeededOnCreate<'user'>, U>;
export type UpdateUserData<U> = UpdateData<StandardUser, U>;
export type CreateSessionData<S> = CreateData<StandardSession, NeededOnCreate<'session'>, S>;
export type UpdateSessionData<S> = UpdateData<StandardSession, S>;
export type CreateAccountData<A> = CreateData<StandardAccount, NeededOnCreate<'account'>, A>;
export type UpdateAccountData<A> = UpdateData<StandardAccount, A>;
export type CreateVerificationData<V> = CreateData<StandardVerification, NeededOnCreate<'verification'>, V>;
export type CreateOrganizationData<O> = CreateData<StandardOrganization, NeededOnCreate<'organization'>, O>;
export type UpdateOrganizationData<O> = UpdateData<StandardOrganization, O>;
export type CreateMemberData<M> = CreateData<StandardMember, NeededOnCreate<'member'>, M>;
export type UpdateMemberData<M> = UpdateData<StandardMember, M>;
export type CreateInvitationData<I> = CreateData<StandardInvitation, NeededOnCreate<'invitation'>, I>;
export type UpdateInvitationData<I> = UpdateData<StandardInvitation, I>;

/** How a text search matches: anywhere, at the start or at the end of the value, ignoring case. */
export type TextMatchOperator = 'contains' | 'starts_with' | 'ends_with';

/** How a filter compares a field with its value (better-auth's operator names); text matches ignore case. */
export type UserFilterOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | TextMatchOperator;

/** A condition on one user field (standard field name or custom property name), as the admin list sends it. */
export interface UserFilter {
  field: string;
  /** Default `eq`. */
  operator?: UserFilterOperator;
  /** Compared as the column stores it: a boolean for `banned`, a `Date` for dates. */
  value: string | number | boolean | Date;
}

/** Paging, ordering, search and filter for `listUsers`. */
export interface ListUsersOptions {
  /** At most this many users (default 100). */
  limit?: number;
  offset?: number;
  /** A standard field name or custom property of the user class (default `createdAt`). */
  sortBy?: 'createdAt' | 'email' | 'name' | (string & {});
  sortDirection?: 'asc' | 'desc';
  /** Case-insensitive substring of the email. */
  emailContains?: string;
  /** A case-insensitive text search on the email or the name. */
  search?: { field: 'email' | 'name'; operator?: TextMatchOperator; value: string };
  /** One more condition every listed user meets; `total` counts only users matching search and filter. */
  filter?: UserFilter;
}

/** A slice of a list: at most `limit` rows (all when absent), after skipping `offset`. */
export interface PageOptions {
  limit?: number;
  offset?: number;
}

/** Every operator a list filter takes (better-auth's where operators): the user ones, plus membership in a list. */
export type ListFilterOperator = UserFilterOperator | 'in' | 'not_in';

/**
 * A condition on one field of the listed kind (standard field name or custom property name). `in` and
 * `not_in` take a list; the others one value, compared as the column stores it (a `Date` for dates).
 * @example
 * { field: 'role', operator: 'in', value: ['owner', 'admin'] }
 */
export interface ListFilter {
  field: string;
  /** Default `eq`. */
  operator?: ListFilterOperator;
  value: string | number | boolean | Date | ReadonlyArray<string | number>;
}

/**
 * Paging, ordering and one filter for `listMembers` (the adapter takes any field of the member class; the
 * organization plugin decides which a caller may name).
 * @example
 * db.listMembers(orgId, { sortBy: 'createdAt', sortDirection: 'desc', filter: { field: 'role', value: 'admin' }, limit: 20 });
 */
export interface ListMembersOptions extends PageOptions {
  /** Default: the order they joined (`createdAt`, ties by id). */
  sortBy?: string;
  sortDirection?: 'asc' | 'desc';
  filter?: ListFilter;
}

/** One page of users and the count of all that match. */
export interface UserPage<U> {
  users: U[];
  total: number;
}

/** A session and its user, read together: the hot path of every authenticated request. */
export interface SessionWithUser<S, U> {
  session: S;
  user: U;
}
