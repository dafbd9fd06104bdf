import type { BaseInvitation } from '../../../entities/base/base-invitation';
import type { BaseMember } from '../../../entities/base/base-member';
import type { BaseOrganization } from '../../../entities/base/base-organization';
import type { BaseUser } from '../../../entities/base/base-user';
import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import { ConfigError } from '../../errors/config-error';
import type { RouteDefinition } from '../../http/route';
import type { PermissionRequest } from '../../core/access-control';
import type { AuthPlugin } from '../auth-plugin';
import { getActiveMemberRoleRoute, getActiveMemberRoute, hasPermissionRoute, permissionRequest, setActiveRoute } from './active-routes';
import { ORGANIZATION_ERRORS as E } from './error-codes';
import { invitationTemplates } from './invitation-email';
import {
  acceptInvitationRoute,
  cancelInvitationRoute,
  getInvitationRoute,
  inviteMemberRoute,
  listInvitationsRoute,
  listUserInvitationsRoute,
  rejectInvitationRoute,
} from './invitation-routes';
import { acceptInvitation, cancelInvitation, inviteMember, isOpen, rejectInvitation, type InviteInput } from './invitations';
import { leaveRoute, listMembersRoute, removeMemberRoute, updateMemberRoleRoute } from './member-routes';
import { addMember, findMember, leaveOrganization, removeMember, updateMemberRole, type AddMemberInput } from './members';
import { requireMember, requireOrganization, roleOf } from './memberships';
import { resolveOrganizationOptions, type OrganizationOptions, type ResolvedOrganizationOptions } from './options';
import {
  checkSlugRoute,
  createOrganizationRoute,
  deleteOrganizationRoute,
  getFullOrganizationRoute,
  listOrganizationsRoute,
  updateOrganizationRoute,
} from './organization-routes';
import { createOrganization, deleteOrganization, organizationInput, updateOrganization, type CreateOrganizationInput } from './organizations';
import { rolesAllow } from './roles';
import type { PluginSchema } from '../../schema/auth-schema';
import { rolesInOrganization } from './dynamic-roles/organization-roles';
import { DYNAMIC_ROLE_ERRORS } from './dynamic-roles/role-errors';
import { organizationRoleModel, organizationRoleTable } from './dynamic-roles/role-model';
import { dynamicRoleRoutes } from './dynamic-roles/role-routes';
import { dynamicRoleApi } from './dynamic-roles/role-api';
import { teamApi } from './teams/team-api';
import { teamRouteSet } from './teams/team-route-set';
import { TEAM_ERRORS } from './teams/team-errors';
import { teamTables } from './teams/team-schema';

/**
 * Organizations (better-auth's `organization` plugin): team accounts with members, roles and invitations,
 * under `/organization/`, and `session.activeOrganizationId` for the one a session works in. The creator
 * gets `creatorRole` (owner); roles are access-control roles (`organizationAccessControl.newRole`), and
 * nobody manages or hands out a role above their own; the last owner can neither leave nor be demoted.
 * Invitations are accepted only by the signed-in user with the invited address, once.
 *
 * `U`, `O`, `M`, `I` are the app's user, organization, member and invitation classes, for the types
 * `auth.api.organization` returns.
 * @example
 * new OrganizationPlugin<AppUser, AppOrganization>({ membershipLimit: 50, organizationHooks: { afterCreateOrganization: provision } })
 * const { organization } = await auth.api.organization.create({ userId, name: 'Acme', slug: 'acme' }); // AppOrganization
 */
export class OrganizationPlugin<U extends object = BaseUser, O extends object = BaseOrganization, M extends object = BaseMember, I extends object = BaseInvitation>
  implements AuthPlugin
{
  readonly id = 'organization';
  readonly errorCodes = { ...E, ...DYNAMIC_ROLE_ERRORS, ...TEAM_ERRORS };
  readonly emailTemplates = invitationTemplates;
  /** Invitations send email: as the engine's mail-sending routes, a few per minute per client. */
  readonly rateLimit = [{ path: '/organization/invite-member', windowSeconds: 60, max: 10 }];
  readonly options: ResolvedOrganizationOptions;
  /**
   * The organization kinds' tables (so `generate`, `migrate` and the adoption of a better-auth database include
   * them); with teams, also `team` and `teamMember`; with dynamic access control, `organizationRole`.
   */
  readonly schema: PluginSchema;

  constructor(options: OrganizationOptions<U, O, M, I> = {}) {
    this.options = resolveOrganizationOptions(options as OrganizationOptions<never, never, never, never>);
    const tables = {
      ...(this.options.teams.enabled ? teamTables() : {}),
      ...(this.options.dynamicAccessControl.enabled ? { [organizationRoleModel.model]: organizationRoleTable() } : {}),
    };
    this.schema = { kinds: ['organization', 'member', 'invitation'], ...(Object.keys(tables).length > 0 ? { tables } : {}) };
  }

  init(auth: AuthContext): void {
    if (!auth.models.session.has('activeOrganizationId')) {
      throw new ConfigError(
        `OrganizationPlugin stores session.activeOrganizationId, which ${auth.models.session.className} lacks: extend BaseSession, or declare it (@AuthField) with its column.`,
      );
    }
    if (this.options.teams.enabled) {
      for (const [kind, field] of [['session', 'activeTeamId'], ['invitation', 'teamId']] as const) {
        if (!auth.models[kind].has(field)) {
          throw new ConfigError(`OrganizationPlugin with teams stores ${kind}.${field}, which ${auth.models[kind].className} lacks: extend its base class, or declare it (@AuthField) with its column.`);
        }
      }
    }
  }

  routes(): RouteDefinition[] {
    const options = this.options;
    return [
      createOrganizationRoute(options),
      updateOrganizationRoute(options),
      deleteOrganizationRoute(options),
      checkSlugRoute(),
      listOrganizationsRoute(),
      getFullOrganizationRoute(options),
      setActiveRoute(),
      getActiveMemberRoute(),
      getActiveMemberRoleRoute(),
      hasPermissionRoute(options),
      listMembersRoute(options),
      removeMemberRoute(options),
      updateMemberRoleRoute(options),
      leaveRoute(options),
      inviteMemberRoute(options),
      getInvitationRoute(options),
      listInvitationsRoute(options),
      listUserInvitationsRoute(),
      acceptInvitationRoute(options),
      rejectInvitationRoute(options),
      cancelInvitationRoute(options),
      ...(options.dynamicAccessControl.enabled ? dynamicRoleRoutes(options) : []),
      ...(options.teams.enabled ? teamRouteSet(options) : []),
    ];
  }

  /**
   * Server code is trusted: these act for the user they name and skip the role checks the routes make (as
   * better-auth's server API does), but keep the rules that protect data: limits, the last owner, the
   * invitation's recipient and single acceptance.
   */
  api(auth: AuthContext) {
    const options = this.options;
    const user = async (userId: string) => {
      const found = await auth.db.getUserById(userId);
      if (!found) throw new AuthError(E.USER_NOT_FOUND);
      return found;
    };
    return {
      organization: {
        /** The organization's run-time roles (`createRole`, `listRoles`, `getRole`, `updateRole`, `deleteRole`), with dynamic access control on. */
        ...dynamicRoleApi(auth, options),
        /** Creates an organization with `userId` as its owner (`allowUserToCreateOrganization` does not apply; the limit does). */
        create: async (input: CreateOrganizationInput & { userId: string }): Promise<{ organization: O; member: M }> =>
          (await createOrganization(auth, options, await user(input.userId), await organizationInput(auth, input), true)) as unknown as { organization: O; member: M },
        update: async (input: { organizationId: string; data: Record<string, unknown> }): Promise<O> => (await updateOrganization(auth, input.organizationId, input.data)) as O,
        delete: async (input: { organizationId: string }): Promise<O> => (await deleteOrganization(auth, options, input.organizationId, null)) as O,
        getOrganization: async (input: { organizationId: string }): Promise<O | null> => (await auth.db.getOrganizationById(input.organizationId)) as O | null,
        /** The organization, its first `membersLimit` members (default 100) and its pending invitations. */
        getFullOrganization: async (input: { organizationId: string; membersLimit?: number }): Promise<{ organization: O; members: M[]; invitations: I[] }> => {
          const organization = await requireOrganization(auth, input.organizationId);
          const members = await auth.db.listMembers(input.organizationId, { limit: input.membersLimit ?? 100 });
          const invitations = (await auth.db.listInvitations(input.organizationId)).filter((invitation) => isOpen(auth, invitation));
          return { organization: organization as O, members: members as M[], invitations: invitations as I[] };
        },
        list: async (input: { userId: string }): Promise<O[]> => (await auth.db.listOrganizationsForUser(input.userId)) as O[],
        addMember: async (input: AddMemberInput & { organizationId: string }): Promise<M> => (await addMember(auth, options, input.organizationId, input)) as M,
        listMembers: async (input: { organizationId: string; limit?: number; offset?: number }): Promise<{ members: M[]; total: number }> => ({
          members: (await auth.db.listMembers(input.organizationId, { limit: input.limit ?? 100, offset: input.offset })) as M[],
          total: await auth.db.countMembers(input.organizationId),
        }),
        getMember: async (input: { organizationId: string; userId: string }): Promise<M | null> => (await auth.db.getMember(input.organizationId, input.userId)) as M | null,
        removeMember: async (input: { organizationId: string; memberIdOrEmail: string }): Promise<M> => {
          const target = await findMember(auth, input.organizationId, input.memberIdOrEmail);
          await removeMember(auth, options, target, null);
          return target as M;
        },
        updateMemberRole: async (input: { organizationId: string; memberId: string; role: string | string[] }): Promise<M> =>
          (await updateMemberRole(auth, options, await findMember(auth, input.organizationId, input.memberId), input.role, null)) as M,
        leave: async (input: { organizationId: string; userId: string }): Promise<M> => {
          const member = await requireMember(auth, input.organizationId, input.userId, E.MEMBER_NOT_FOUND);
          await leaveOrganization(auth, options, member);
          return member as M;
        },
        /** Invites on behalf of `inviterId`, who must be a member (role checks skipped); emails as the route does. */
        inviteMember: async (input: InviteInput & { organizationId: string; inviterId: string }): Promise<I> => {
          const inviter = await user(input.inviterId);
          const member = await requireMember(auth, input.organizationId, input.inviterId, E.MEMBER_NOT_FOUND);
          return (await inviteMember(auth, options, { organizationId: input.organizationId, inviter: { member, user: inviter }, checked: false }, input)) as I;
        },
        /** Accepts for `userId`, who must be the recipient (verified when the options demand it). */
        acceptInvitation: async (input: { invitationId: string; userId: string }): Promise<{ invitation: I; member: M }> =>
          (await acceptInvitation(auth, options, input.invitationId, await user(input.userId))) as unknown as { invitation: I; member: M },
        rejectInvitation: async (input: { invitationId: string; userId: string }): Promise<I> =>
          (await rejectInvitation(auth, options, input.invitationId, await user(input.userId))) as I,
        cancelInvitation: async (input: { invitationId: string }): Promise<I> => {
          const invitation = await auth.db.getInvitationById(input.invitationId);
          if (!invitation) throw new AuthError(E.INVITATION_NOT_FOUND);
          return (await cancelInvitation(auth, options, invitation, null)) as I;
        },
        getInvitation: async (input: { invitationId: string }): Promise<I | null> => (await auth.db.getInvitationById(input.invitationId)) as I | null,
        listInvitations: async (input: { organizationId: string }): Promise<I[]> => (await auth.db.listInvitations(input.organizationId)) as I[],
        /** Open invitations to an address (server code vouches for the address). */
        listUserInvitations: async (input: { email: string }): Promise<I[]> =>
          (await auth.db.listInvitationsForEmail(input.email)).filter((invitation) => isOpen(auth, invitation)) as I[],
        /** Whether the user's roles in the organization grant the permissions (`false` for a non-member). */
        hasPermission: async (input: { organizationId: string; userId: string; permissions: PermissionRequest }): Promise<boolean> => {
          const member = await auth.db.getMember(input.organizationId, input.userId);
          return member !== null && rolesAllow(await rolesInOrganization(auth, options, input.organizationId), roleOf(auth, member), permissionRequest(input.permissions));
        },
        ...teamApi(auth, options),
      },
    };
  }
}
