import type { DatabaseAdapter } from '../../../adapters/database-adapter';
import { UniqueConstraintError } from '../../../adapters/errors';
import type { AuthContext } from '../../core/auth-context';
import { customInput } from '../../core/custom-input';
import { AuthError } from '../../errors/auth-error';
import { clearActiveOrganization } from './active-organization';
import { ORGANIZATION_ERRORS as E } from './error-codes';
import { amended } from './hooks';
import { assertRoomForMember, keepingACreator, idOf, requireOrganization, roleOf, withOrganizationLocked } from './memberships';
import type { ResolvedOrganizationOptions } from './options';
import { holdsCreatorRole, joinRoles, knownRoles, outranksOrEquals, rolesAllow } from './roles';
import { assertStillGrantable, rolesInOrganization } from './dynamic-roles/organization-roles';
import { leaveOrganizationTeams } from './teams/teams';

/** What adding a member takes (server API only, as in better-auth); custom member fields ride along. */
export interface AddMemberInput {
  userId: string;
  role: string | string[];
  organizationId?: string;
  [custom: string]: unknown;
}

/** Adds a user to an organization with the given roles, within the membership limit. */
export async function addMember(auth: AuthContext, given: ResolvedOrganizationOptions, organizationId: string, input: AddMemberInput) {
  const options = await rolesInOrganization(auth, given, organizationId); // the organization's own roles count too
  const roles = knownRoles(options, input.role);
  const user = await auth.db.getUserById(input.userId);
  if (!user) throw new AuthError(E.USER_NOT_FOUND);
  const organization = await requireOrganization(auth, organizationId);
  if (await auth.db.getMember(organizationId, input.userId)) throw new AuthError(E.USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION);
  await assertRoomForMember(auth, options, user, organization);
  const base = { ...(await customInput(auth.models.member, input)), organizationId, userId: input.userId, role: joinRoles(roles) };
  const hooks = options.organizationHooks;
  const data = hooks.beforeAddMember ? await amended(base, hooks.beforeAddMember({ member: { ...base }, user, organization })) : base;
  const member = await withOrganizationLocked(auth, organizationId, async (tx) => {
    await assertRoomForMember(auth, options, user, organization, tx); // again, with the organization locked
    await assertStillGrantable(auth, given, organizationId, tx, roles); // a role deleted or renamed meanwhile
    return tx.createMember({ ...data, organizationId, userId: input.userId } as never);
  }).catch((error: unknown) => {
    if (error instanceof UniqueConstraintError) throw new AuthError(E.USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION);
    throw error;
  });
  await hooks.afterAddMember?.({ member, user, organization });
  return member;
}

/** The member named by id or by their user's email, in that organization; `MEMBER_NOT_FOUND` otherwise. */
export async function findMember(auth: AuthContext, organizationId: string, memberIdOrEmail: string): Promise<object> {
  let member: object | null;
  if (memberIdOrEmail.includes('@')) {
    const user = await auth.db.getUserByEmail(memberIdOrEmail);
    member = user ? await auth.db.getMember(organizationId, idOf(auth, 'user', user)) : null;
  } else {
    member = await auth.db.getMemberById(memberIdOrEmail);
  }
  if (!member || String(auth.models.member.read(member, 'organizationId')) !== organizationId) throw new AuthError(E.MEMBER_NOT_FOUND);
  return member;
}

/**
 * Removes `target`. With an `actor` (an HTTP caller's membership) it needs `member: ['delete']` and may not
 * remove anyone above its own role; the last holder of the creator role is never removed.
 */
export async function removeMember(auth: AuthContext, options: ResolvedOrganizationOptions, target: object, actor: object | null): Promise<void> {
  if (actor) {
    options = await rolesInOrganization(auth, options, String(auth.models.member.read(target, 'organizationId'))); // the organization's own roles count too
    if (!rolesAllow(options, roleOf(auth, actor), { member: ['delete'] })) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER);
    if (idOf(auth, 'member', actor) !== idOf(auth, 'member', target) && !outranksOrEquals(options, roleOf(auth, actor), roleOf(auth, target))) {
      throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER);
    }
  }
  await endMembership(auth, options, target);
}

/** The caller leaves; the last holder of the creator role cannot. */
export async function leaveOrganization(auth: AuthContext, options: ResolvedOrganizationOptions, member: object): Promise<void> {
  await endMembership(auth, options, member);
}

async function endMembership(auth: AuthContext, options: ResolvedOrganizationOptions, member: object): Promise<void> {
  const read = (field: 'userId' | 'organizationId') => String(auth.models.member.read(member, field));
  const remove = (db: DatabaseAdapter) => db.deleteMember(idOf(auth, 'member', member));
  if (options.teams.enabled && !holdsCreatorRole(options, roleOf(auth, member))) {
    // With the organization locked, an add-team-member running at once either lands first (and its row goes
    // here) or finds the membership gone: nobody stays in a team of an organization they left.
    await withOrganizationLocked(auth, read('organizationId'), (tx) => leavingTeams(auth, tx, member, remove));
  } else {
    await keepingACreator(auth, options, member, E.YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER, async (db) => {
      await (options.teams.enabled ? leavingTeams(auth, db, member, remove) : remove(db));
    });
  }
  await clearActiveOrganization(auth, read('userId'), read('organizationId'));
}

/** Ends the membership and the user's teams of that organization in one transaction. */
function leavingTeams(auth: AuthContext, db: DatabaseAdapter, member: object, remove: (db: DatabaseAdapter) => Promise<boolean>) {
  const read = (field: 'userId' | 'organizationId') => String(auth.models.member.read(member, field));
  return db.transaction(async (tx) => {
    await remove(tx);
    await leaveOrganizationTeams(auth, tx, read('organizationId'), read('userId'));
  });
}

/**
 * Gives `target` new roles. With an `actor` it needs `member: ['update']`, and both the member's current
 * roles and the new ones must be within the actor's own (only a creator hands out or takes away the creator
 * role). Nobody demotes the last holder of the creator role.
 */
export async function updateMemberRole(auth: AuthContext, given: ResolvedOrganizationOptions, target: object, role: unknown, actor: object | null) {
  const organizationId = String(auth.models.member.read(target, 'organizationId'));
  const options = await rolesInOrganization(auth, given, organizationId); // the organization's own roles count too
  const roles = knownRoles(options, role);
  if (actor) {
    const actorRole = roleOf(auth, actor);
    if (!holdsCreatorRole(options, actorRole) && !rolesAllow(options, actorRole, { member: ['update'] })) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER);
    if (!outranksOrEquals(options, actorRole, roleOf(auth, target)) || !outranksOrEquals(options, actorRole, roles)) {
      throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER);
    }
  }
  const update = async (db: DatabaseAdapter) => {
    const grantor = actor ? { role: roleOf(auth, actor), refusal: E.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER } : undefined;
    await assertStillGrantable(auth, given, organizationId, db, roles, grantor);
    return db.updateMember(idOf(auth, 'member', target), { role: joinRoles(roles) });
  };
  // With run-time roles the write holds the organization's lock, as role changes do, so a role renamed, deleted or
  // strengthened meanwhile is seen.
  const locked = given.dynamicAccessControl.enabled;
  const updated = roles.includes(options.creatorRole)
    ? await (locked ? withOrganizationLocked(auth, organizationId, update) : update(auth.db))
    : await keepingACreator(auth, options, target, E.YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER, update, { locked });
  if (!updated) throw new AuthError(E.MEMBER_NOT_FOUND);
  return updated;
}
