import { UniqueConstraintError } from '../../../adapters/errors';
import type { AuthContext } from '../../core/auth-context';
import { customInput } from '../../core/custom-input';
import { AuthError } from '../../errors/auth-error';
import { ORGANIZATION_ERRORS as E } from './error-codes';
import { clearActiveOrganization } from './active-organization';
import { amended } from './hooks';
import { idOf, requireOrganization } from './memberships';
import type { ResolvedOrganizationOptions } from './options';
import { forgetOrganizationRoles } from './dynamic-roles/organization-roles';
import { createDefaultTeam, deleteOrganizationTeams } from './teams/teams';

/** What creating an organization takes; custom fields of the app's class ride along. */
export interface CreateOrganizationInput {
  name: string;
  slug: string;
  logo?: string | null;
  metadata?: Record<string, unknown>;
  [custom: string]: unknown;
}

const STANDARD_INPUT = ['name', 'slug', 'logo', 'metadata'] as const;

/** The standard and custom fields a body may set on an organization (never id, timestamps or `input: false` fields). */
export async function organizationInput(auth: AuthContext, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const standard: Record<string, unknown> = {};
  for (const field of STANDARD_INPUT) if (body[field] !== undefined) standard[field] = body[field];
  return { ...(await customInput(auth.models.organization, body, { standardValues: standard })), ...standard };
}

/**
 * Creates an organization with `user` as its first member in the creator role, in one transaction: there is
 * never an organization without an owner. Checks who may create, the per-user limit and the slug.
 */
export async function createOrganization(auth: AuthContext, options: ResolvedOrganizationOptions, user: object, input: Record<string, unknown>, trusted: boolean) {
  const allowed = typeof options.allowUserToCreateOrganization === 'function' ? await options.allowUserToCreateOrganization(user) : options.allowUserToCreateOrganization;
  if (!allowed && !trusted) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION);
  const userId = idOf(auth, 'user', user);
  const { organizationLimit } = options;
  if (organizationLimit !== undefined) {
    const reached =
      typeof organizationLimit === 'number' ? (await auth.db.listOrganizationsForUser(userId)).length >= organizationLimit : await organizationLimit(user);
    if (reached) throw new AuthError(E.YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS);
  }
  const hooks = options.organizationHooks;
  const data = hooks.beforeCreateOrganization ? await amended(input, hooks.beforeCreateOrganization({ organization: { ...input }, user })) : input;
  if (await auth.db.getOrganizationBySlug(String(data.slug))) throw new AuthError(E.ORGANIZATION_ALREADY_EXISTS);
  const created = await auth.db
    .transaction(async (tx) => {
      const organization = await tx.createOrganization(data as never);
      const base = { organizationId: idOf(auth, 'organization', organization), userId, role: options.creatorRole };
      const memberData = hooks.beforeAddMember ? await amended(base, hooks.beforeAddMember({ member: { ...base }, user, organization })) : base;
      const member = await tx.createMember({ ...memberData, organizationId: base.organizationId, userId } as never);
      // better-auth's default team: named after the organization, with its creator in it.
      const team = options.teams.enabled && options.teams.defaultTeam
        ? await createDefaultTeam(auth, tx, base.organizationId, String(auth.models.organization.read(organization, 'name')), userId)
        : null;
      return { organization, member, team };
    })
    .catch((error: unknown) => {
      // Two creates racing for one slug: the loser hears what a sequential one would.
      if (error instanceof UniqueConstraintError && error.kind === 'organization') throw new AuthError(E.ORGANIZATION_ALREADY_EXISTS);
      throw error;
    });
  await hooks.afterAddMember?.({ member: created.member, user, organization: created.organization });
  await hooks.afterCreateOrganization?.({ organization: created.organization, member: created.member, user });
  return created;
}

/** Applies changes (standard and custom fields); a slug another organization holds is refused. */
export async function updateOrganization(auth: AuthContext, organizationId: string, data: Record<string, unknown>) {
  const changes = await organizationInput(auth, data);
  if (typeof changes.slug === 'string') {
    const holder = await auth.db.getOrganizationBySlug(changes.slug);
    if (holder && idOf(auth, 'organization', holder) !== organizationId) throw new AuthError(E.ORGANIZATION_SLUG_ALREADY_TAKEN);
  }
  const updated = await auth.db.updateOrganization(organizationId, changes as never).catch((error: unknown) => {
    if (error instanceof UniqueConstraintError) throw new AuthError(E.ORGANIZATION_SLUG_ALREADY_TAKEN);
    throw error;
  });
  if (!updated) throw new AuthError(E.ORGANIZATION_NOT_FOUND);
  return updated;
}

/** Deletes the organization with its members and invitations; returns what it was. */
export async function deleteOrganization(auth: AuthContext, options: ResolvedOrganizationOptions, organizationId: string, user: object | null) {
  const organization = await requireOrganization(auth, organizationId);
  await options.organizationHooks.beforeDeleteOrganization?.({ organization, user });
  const members = await auth.db.listMembers(organizationId);
  if (options.teams.enabled) {
    await auth.db.transaction(async (tx) => {
      await deleteOrganizationTeams(auth, tx, organizationId);
      await tx.deleteOrganization(organizationId);
    });
  } else {
    await auth.db.deleteOrganization(organizationId);
  }
  await forgetOrganizationRoles(auth, options, organizationId);
  // No session keeps pointing at an organization that is gone (one read per member: deletions are rare).
  for (const member of members) await clearActiveOrganization(auth, String(auth.models.member.read(member, 'userId')), organizationId);
  await options.organizationHooks.afterDeleteOrganization?.({ organization, user });
  return organization;
}
