import type { DatabaseAdapter } from '../../../adapters/database-adapter';
import type { ListMembersOptions } from '../../../adapters/inputs';
import type { AuthContext } from '../../core/auth-context';
import { KeyedQueue } from '../../core/keyed-queue';
import { AuthError } from '../../errors/auth-error';
import type { DeclaredError } from '../../errors/declared-error';
import { ORGANIZATION_ERRORS as E } from './error-codes';
import { memberWithUserJson } from './organization-json';
import type { ResolvedOrganizationOptions } from './options';
import { holdsCreatorRole } from './roles';

/** Reads the plugin needs over and over, typed once. */
export const idOf = (auth: AuthContext, kind: 'organization' | 'member' | 'invitation' | 'user', entity: object): string =>
  String((auth.models[kind] as { read(entity: object, name: 'id'): unknown }).read(entity, 'id'));
export const roleOf = (auth: AuthContext, member: object): string => String(auth.models.member.read(member, 'role'));

/** The organization, or `ORGANIZATION_NOT_FOUND`. */
export async function requireOrganization(auth: AuthContext, organizationId: string): Promise<object> {
  const organization = await auth.db.getOrganizationById(organizationId);
  if (!organization) throw new AuthError(E.ORGANIZATION_NOT_FOUND);
  return organization;
}

/** The user's membership of the organization, or `refusal`. */
export async function requireMember(auth: AuthContext, organizationId: string, userId: string, refusal: DeclaredError = E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION): Promise<object> {
  const member = await auth.db.getMember(organizationId, userId);
  if (!member) throw new AuthError(refusal);
  return member;
}

/** An organization id from the request, or the session's active one, or `refusal`. */
export function organizationIdOr(given: string | undefined | null, active: unknown, refusal: DeclaredError = E.NO_ACTIVE_ORGANIZATION): string {
  const id = given || (typeof active === 'string' && active ? active : null);
  if (!id) throw new AuthError(refusal);
  return id;
}

/**
 * A page of members with their users, in two queries whatever the page size (members, then their users by
 * id): never one query per member.
 */
export async function membersWithUsers(auth: AuthContext, organizationId: string, page: ListMembersOptions) {
  const members = await auth.db.listMembers(organizationId, page);
  if (members.length === 0) return [];
  const users = await auth.db.getUsersByIds(members.map((member) => String(auth.models.member.read(member, 'userId'))));
  const byId = new Map(users.map((user) => [idOf(auth, 'user', user), user]));
  // A member whose user is gone (deleted between the two reads) is left out rather than failing the page.
  return members.flatMap((member) => {
    const user = byId.get(String(auth.models.member.read(member, 'userId')));
    return user ? [memberWithUserJson(auth, member, user)] : [];
  });
}

/** One queue per database: changes to one organization's membership wait for each other in this process. */
const organizationQueues = new WeakMap<DatabaseAdapter, KeyedQueue>();

/**
 * Runs `change` in a transaction that no other membership change of the same organization interleaves with:
 * in this process a keyed queue orders them, and across processes the transaction first writes the
 * organization's row, whose lock makes a second transaction wait until the first is over. A check made inside
 * (owners left, members counted) therefore sees what the change before it did.
 */
export async function withOrganizationLocked<T>(auth: AuthContext, organizationId: string, change: (tx: DatabaseAdapter) => Promise<T>): Promise<T> {
  let queue = organizationQueues.get(auth.db);
  if (!queue) organizationQueues.set(auth.db, (queue = new KeyedQueue()));
  return queue.run(organizationId, () =>
    auth.db.transaction(async (tx) => {
      const organization = await tx.getOrganizationById(organizationId);
      if (!organization) throw new AuthError(E.ORGANIZATION_NOT_FOUND);
      await tx.updateOrganization(organizationId, { name: auth.models.organization.read(organization, 'name') }); // the row lock
      return change(tx);
    }),
  );
}

/**
 * Runs `change`, which removes or demotes `member`, unless that would leave the organization without a holder
 * of the creator role: the last owner cannot leave, be removed or be demoted (`refusal`). Two owners leaving
 * at once must not both pass the count: the count and the change run with the organization locked. With
 * `locked`, a change that needs no count runs under the lock too (it reads what role changes write).
 */
export async function keepingACreator<T>(
  auth: AuthContext,
  options: ResolvedOrganizationOptions,
  member: object,
  refusal: DeclaredError,
  change: (db: DatabaseAdapter) => Promise<T>,
  { locked = false }: { locked?: boolean } = {},
): Promise<T> {
  const organizationId = String(auth.models.member.read(member, 'organizationId'));
  if (!holdsCreatorRole(options, roleOf(auth, member))) return locked ? withOrganizationLocked(auth, organizationId, change) : change(auth.db);
  const memberId = idOf(auth, 'member', member);
  return withOrganizationLocked(auth, organizationId, async (tx) => {
    const creators = (await tx.listMembers(organizationId)).filter((other) => holdsCreatorRole(options, roleOf(auth, other)));
    if (creators.length <= 1 && creators.some((creator) => idOf(auth, 'member', creator) === memberId)) throw new AuthError(refusal);
    return change(tx);
  });
}

/**
 * The membership limit for adding `user` to `organization`, or `ORGANIZATION_MEMBERSHIP_LIMIT_REACHED`. Counted
 * through `db`: inside `withOrganizationLocked` so that two joins at once cannot both take the last seat.
 */
export async function assertRoomForMember(auth: AuthContext, options: ResolvedOrganizationOptions, user: object, organization: object, db: DatabaseAdapter = auth.db): Promise<void> {
  const limit = typeof options.membershipLimit === 'number' ? options.membershipLimit : await options.membershipLimit(user, organization);
  if ((await db.countMembers(idOf(auth, 'organization', organization))) >= limit) throw new AuthError(E.ORGANIZATION_MEMBERSHIP_LIMIT_REACHED);
}

/** The organization a read names by slug or id, else the active one; `null` when none is named or active. */
export async function namedOrganizationId(auth: AuthContext, query: { organizationId?: string; organizationSlug?: string }, active: string | null): Promise<string | null> {
  if (query.organizationSlug) {
    const organization = await auth.db.getOrganizationBySlug(query.organizationSlug);
    if (!organization) throw new AuthError(E.ORGANIZATION_NOT_FOUND);
    return idOf(auth, 'organization', organization);
  }
  return query.organizationId || active;
}
