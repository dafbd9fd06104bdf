import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { activeOrganizationOf, setActiveOrganization } from './active-organization';
import { GetInvitationQuery, InvitationIdDto, InvitationOutcomeResponse, InviteMemberDto, ListInvitationsQuery, ListUserInvitationsQuery } from './dtos';
import { ORGANIZATION_ERRORS as E } from './error-codes';
import { setActiveTeam } from './teams/active-team';
import { acceptInvitation, cancelInvitation, invitationFor, inviteMember, isOpen, rejectInvitation, visibleInvitations, type InviteInput } from './invitations';
import { idOf, organizationIdOr, requireMember, requireOrganization, roleOf } from './memberships';
import { invitationJson, memberJson } from './organization-json';
import type { ResolvedOrganizationOptions } from './options';
import { rolesInOrganization } from './dynamic-roles/organization-roles';

/** `POST /organization/invite-member` `{ email, role, organizationId?, resend? }` → the invitation. */
export function inviteMemberRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/invite-member',
    summary: 'Invite an email address to an organization',
    body: InviteMemberDto,
    session: 'required',
    errors: [
      E.ORGANIZATION_NOT_FOUND,
      E.MEMBER_NOT_FOUND,
      E.YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION,
      E.ROLE_NOT_FOUND,
      E.YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE,
      E.USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION,
      E.USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION,
      E.INVITATION_LIMIT_REACHED,
      'INVALID_EMAIL',
    ],
    handle: async (ctx, dto: InviteMemberDto) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(dto.organizationId, activeOrganizationOf(ctx.auth, active), E.ORGANIZATION_NOT_FOUND);
      const member = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), E.MEMBER_NOT_FOUND);
      const input = { ...ctx.body, email: dto.email, role: dto.role, resend: dto.resend, teamId: dto.teamId } as InviteInput;
      const invitation = await inviteMember(ctx.auth, options, { organizationId, inviter: { member, user: active.user }, checked: true }, input);
      return invitationJson(ctx.auth, invitation);
    },
  });
}

/** `GET /organization/get-invitation?id` → the invitation with `organizationName`, `organizationSlug`, `inviterEmail` (for its recipient). */
export function getInvitationRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/get-invitation',
    summary: 'An invitation addressed to the caller',
    query: GetInvitationQuery,
    session: 'required',
    errors: [E.INVITATION_NOT_FOUND, E.YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION, E.EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION, E.INVITER_IS_NO_LONGER_A_MEMBER_OF_THE_ORGANIZATION],
    handle: async (ctx, _dto, query: GetInvitationQuery) => {
      const active = await ctx.requireSession();
      const invitation = await invitationFor(ctx.auth, options, query.id, active.user, E.EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION);
      const { invitation: model } = ctx.auth.models;
      const organizationId = String(model.read(invitation, 'organizationId'));
      const organization = await requireOrganization(ctx.auth, organizationId);
      const inviterId = String(model.read(invitation, 'inviterId'));
      await requireMember(ctx.auth, organizationId, inviterId, E.INVITER_IS_NO_LONGER_A_MEMBER_OF_THE_ORGANIZATION);
      const inviter = await ctx.auth.db.getUserById(inviterId);
      return {
        ...invitationJson(ctx.auth, invitation),
        organizationName: ctx.auth.models.organization.read(organization, 'name'),
        organizationSlug: ctx.auth.models.organization.read(organization, 'slug'),
        inviterEmail: inviter ? ctx.auth.models.user.read(inviter, 'email') : null,
      };
    },
  });
}

/** `GET /organization/list-invitations?organizationId` → the organization's invitations, for members who may invite. */
export function listInvitationsRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/list-invitations',
    summary: "An organization's invitations",
    query: ListInvitationsQuery,
    session: 'required',
    errors: [E.NO_ACTIVE_ORGANIZATION, E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION, E.YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS],
    handle: async (ctx, _dto, query: ListInvitationsQuery) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(query.organizationId, activeOrganizationOf(ctx.auth, active));
      const member = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION);
      const visible = visibleInvitations(ctx.auth, await rolesInOrganization(ctx.auth, options, organizationId), roleOf(ctx.auth, member), await ctx.auth.db.listInvitations(organizationId));
      if (!visible) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS);
      return visible.map((invitation) => invitationJson(ctx.auth, invitation));
    },
  });
}

/**
 * `GET /organization/list-user-invitations` → the caller's pending invitations, each with `organizationName`.
 * Listing by address proves nothing about the address, so it always needs it verified.
 */
export function listUserInvitationsRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/list-user-invitations',
    summary: 'The pending invitations addressed to the caller',
    query: ListUserInvitationsQuery,
    session: 'required',
    errors: [E.EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION, 'VALIDATION_ERROR'],
    handle: async (ctx, _dto, query: ListUserInvitationsQuery) => {
      if (query.email !== undefined) throw new AuthError('VALIDATION_ERROR', 'User email cannot be passed for client side API calls.');
      const active = await ctx.requireSession();
      const { user: users } = ctx.auth.models;
      const email = users.read(active.user, 'email');
      if (!email || !users.read(active.user, 'emailVerified')) throw new AuthError(E.EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION);
      return userInvitations(ctx.auth, email);
    },
  });
}

/** Open invitations to an address, each with its organization's name (one read per organization, not per invitation). */
export async function userInvitations(auth: Parameters<typeof isOpen>[0], email: string) {
  const open = (await auth.db.listInvitationsForEmail(email)).filter((invitation) => isOpen(auth, invitation));
  const names = new Map<string, unknown>();
  for (const id of new Set(open.map((invitation) => String(auth.models.invitation.read(invitation, 'organizationId'))))) {
    const organization = await auth.db.getOrganizationById(id);
    names.set(id, organization ? auth.models.organization.read(organization, 'name') : null);
  }
  return open.map((invitation) => ({ ...invitationJson(auth, invitation), organizationName: names.get(String(auth.models.invitation.read(invitation, 'organizationId'))) }));
}

/** `POST /organization/accept-invitation` `{ invitationId }` → `{ invitation, member }`; the organization becomes active. */
export function acceptInvitationRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/accept-invitation',
    summary: 'Accept an invitation addressed to the caller',
    body: InvitationIdDto,
    session: 'required',
    response: { body: InvitationOutcomeResponse },
    errors: [
      E.INVITATION_NOT_FOUND,
      E.YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION,
      E.EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION,
      E.ORGANIZATION_MEMBERSHIP_LIMIT_REACHED,
      E.USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION,
    ],
    handle: async (ctx, dto: InvitationIdDto) => {
      const active = await ctx.requireSession();
      const { invitation, member, teamIds } = await acceptInvitation(ctx.auth, options, dto.invitationId, active.user);
      await setActiveOrganization(ctx.auth, active, String(ctx.auth.models.member.read(member, 'organizationId')));
      // As better-auth: an invitation to exactly one team makes it the active team.
      if (teamIds.length === 1) await setActiveTeam(ctx.auth, active, teamIds[0]);
      return { invitation: invitationJson(ctx.auth, invitation), member: memberJson(ctx.auth, member) };
    },
  });
}

/** `POST /organization/reject-invitation` `{ invitationId }` → `{ invitation, member: null }`. */
export function rejectInvitationRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/reject-invitation',
    summary: 'Decline an invitation addressed to the caller',
    body: InvitationIdDto,
    session: 'required',
    response: { body: InvitationOutcomeResponse },
    errors: [E.INVITATION_NOT_FOUND, E.YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION, E.EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION],
    handle: async (ctx, dto: InvitationIdDto) => {
      const active = await ctx.requireSession();
      return { invitation: invitationJson(ctx.auth, await rejectInvitation(ctx.auth, options, dto.invitationId, active.user)), member: null };
    },
  });
}

/** `POST /organization/cancel-invitation` `{ invitationId }` → the canceled invitation. */
export function cancelInvitationRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/cancel-invitation',
    summary: 'Withdraw a pending invitation',
    body: InvitationIdDto,
    session: 'required',
    errors: [E.INVITATION_NOT_FOUND, E.MEMBER_NOT_FOUND, E.YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION],
    handle: async (ctx, dto: InvitationIdDto) => {
      const active = await ctx.requireSession();
      const invitation = await ctx.auth.db.getInvitationById(dto.invitationId);
      if (!invitation) throw new AuthError(E.INVITATION_NOT_FOUND);
      const organizationId = String(ctx.auth.models.invitation.read(invitation, 'organizationId'));
      const member = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), E.MEMBER_NOT_FOUND);
      return invitationJson(ctx.auth, await cancelInvitation(ctx.auth, options, invitation, member));
    },
  });
}
