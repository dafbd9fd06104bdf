import type { DatabaseAdapter } from '../../../adapters/database-adapter';
import { UniqueConstraintError } from '../../../adapters/errors';
import type { AuthContext } from '../../core/auth-context';
import { customInput } from '../../core/custom-input';
import { AuthError } from '../../errors/auth-error';
import type { DeclaredError } from '../../errors/declared-error';
import { ORGANIZATION_ERRORS as E } from './error-codes';
import { amended } from './hooks';
import { sendInvitation } from './invitation-email';
import { assertRoomForMember, idOf, requireOrganization, roleOf, withOrganizationLocked } from './memberships';
import type { ResolvedOrganizationOptions } from './options';
import { holdsCreatorRole, joinRoles, knownRoles, outranksOrEquals, rolesAllow } from './roles';
import { assertStillGrantable, rolesInOrganization } from './dynamic-roles/organization-roles';
import { invitedTeamIds, joinInvitedTeams } from './teams/invitation-teams';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What inviting takes; custom invitation fields ride along. */
export interface InviteInput {
  email: string;
  role: string | string[];
  resend?: boolean;
  /** With teams: the team (or teams) of the organization accepting puts the invitee in. */
  teamId?: string | string[];
  [custom: string]: unknown;
}

const read = (auth: AuthContext, invitation: object, field: 'email' | 'status' | 'organizationId' | 'role' | 'inviterId') =>
  String(auth.models.invitation.read(invitation, field));

/** Whether an invitation can still be answered: pending and not expired. */
export function isOpen(auth: AuthContext, invitation: object, now = Date.now()): boolean {
  return read(auth, invitation, 'status') === 'pending' && auth.models.invitation.read(invitation, 'expiresAt').getTime() > now;
}

/**
 * Invites an address on behalf of `inviter` (a member of the organization). With `checked` (HTTP callers)
 * the inviter needs `invitation: ['create']` and may not invite with a role above their own.
 */
export async function inviteMember(
  auth: AuthContext,
  options: ResolvedOrganizationOptions,
  parts: { organizationId: string; inviter: { member: object; user: object }; checked: boolean },
  input: InviteInput,
) {
  const { organizationId, inviter } = parts;
  const given = options;
  options = await rolesInOrganization(auth, options, organizationId); // the organization's own roles count too
  const email = String(input.email).trim().toLowerCase();
  if (!EMAIL_SHAPE.test(email)) throw new AuthError('INVALID_EMAIL');
  const inviterRole = roleOf(auth, inviter.member);
  if (parts.checked && !rolesAllow(options, inviterRole, { invitation: ['create'] })) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION);
  const roles = knownRoles(options, input.role);
  if (parts.checked && !outranksOrEquals(options, inviterRole, roles)) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE);
  const invitee = await auth.db.getUserByEmail(email);
  if (invitee && (await auth.db.getMember(organizationId, idOf(auth, 'user', invitee)))) throw new AuthError(E.USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION);
  const organization = await requireOrganization(auth, organizationId);
  const pending = (await auth.db.listInvitationsForEmail(email)).filter((invitation) => read(auth, invitation, 'organizationId') === organizationId && isOpen(auth, invitation));
  const expiresAt = new Date(Date.now() + options.invitationExpiresIn * 1000);
  if (pending.length > 0 && input.resend) {
    // Resending extends the newest pending invitation and mails it again; its role stays as it was.
    const existing = pending[pending.length - 1];
    if (parts.checked && !outranksOrEquals(options, inviterRole, read(auth, existing, 'role'))) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE);
    const extended = (await auth.db.updateInvitation(idOf(auth, 'invitation', existing), { expiresAt }))!;
    await sendInvitation(auth, options, { invitation: extended, organization, inviter });
    return extended;
  }
  if (pending.length > 0 && !options.cancelPendingInvitationsOnReInvite) throw new AuthError(E.USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION);
  for (const old of pending) await auth.db.updateInvitation(idOf(auth, 'invitation', old), { status: 'canceled' }, { status: 'pending' });
  const limit =
    typeof options.invitationLimit === 'number' ? options.invitationLimit : await options.invitationLimit({ user: inviter.user, organization, member: inviter.member });
  if ((await auth.db.countPendingInvitations(organizationId)) >= limit) throw new AuthError(E.INVITATION_LIMIT_REACHED);
  const teamId = await invitedTeamIds(auth, options.teams, organizationId, input.teamId);
  const base = {
    ...(await customInput(auth.models.invitation, input)),
    email,
    role: joinRoles(roles),
    organizationId,
    inviterId: idOf(auth, 'user', inviter.user),
    expiresAt,
    ...(teamId ? { teamId } : {}),
  };
  const hook = options.organizationHooks.beforeCreateInvitation;
  const data = hook ? await amended(base, hook({ invitation: { ...base }, inviter: inviter.user, organization })) : base;
  const create = (db: DatabaseAdapter) => db.createInvitation({ ...data, organizationId, status: 'pending' } as never);
  // With run-time roles the invitation is written under the organization's lock, as role changes are, after checking
  // that its roles still exist and the inviter still outranks them (a rename or strengthening may have raced us).
  const invitation = given.dynamicAccessControl.enabled
    ? await withOrganizationLocked(auth, organizationId, async (tx) => {
        const grantor = parts.checked ? { role: inviterRole, refusal: E.YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE } : undefined;
        await assertStillGrantable(auth, given, organizationId, tx, roles, grantor);
        return create(tx);
      })
    : await create(auth.db);
  await sendInvitation(auth, options, { invitation, organization, inviter });
  await options.organizationHooks.afterCreateInvitation?.({ invitation, inviter: inviter.user, organization });
  return invitation;
}

/** Whether reading or answering an invitation by id needs a verified address (see the option). */
export function invitationNeedsVerifiedEmail(auth: AuthContext, options: ResolvedOrganizationOptions): boolean {
  return options.requireEmailVerificationOnInvitation ?? auth.hooks.verifiedEmailsRequired;
}

/**
 * The open invitation `invitationId` as `user` may answer it: pending, unexpired (else `INVITATION_NOT_FOUND`),
 * addressed to the user's email, and that address verified when the options demand it.
 */
export async function invitationFor(auth: AuthContext, options: ResolvedOrganizationOptions, invitationId: string, user: object, unverified: DeclaredError = E.EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION) {
  const invitation = await auth.db.getInvitationById(invitationId);
  if (!invitation || !isOpen(auth, invitation)) throw new AuthError(E.INVITATION_NOT_FOUND);
  const email = auth.models.user.read(user, 'email');
  if (!email || email.toLowerCase() !== read(auth, invitation, 'email').toLowerCase()) throw new AuthError(E.YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION);
  if (invitationNeedsVerifiedEmail(auth, options) && !auth.models.user.read(user, 'emailVerified')) throw new AuthError(unverified);
  return invitation;
}

/**
 * Accepts: the status moves from pending to accepted only if it still is pending (one of any number of
 * concurrent calls wins), and the membership is created in the same transaction, so a failure leaves the
 * invitation pending and nobody a member.
 */
export async function acceptInvitation(auth: AuthContext, options: ResolvedOrganizationOptions, invitationId: string, user: object) {
  const invitation = await invitationFor(auth, options, invitationId, user);
  const organizationId = read(auth, invitation, 'organizationId');
  const organization = await requireOrganization(auth, organizationId);
  await assertInviterMayStillGrant(auth, options, invitation);
  await assertRoomForMember(auth, options, user, organization);
  const userId = idOf(auth, 'user', user);
  const hooks = options.organizationHooks;
  const extra = hooks.beforeAcceptInvitation ? await amended({}, hooks.beforeAcceptInvitation({ invitation, user, organization })) : {};
  // Checked again with the organization locked: two invitations accepted at once cannot both take the last seat.
  const accepted = await withOrganizationLocked(auth, organizationId, async (tx) => {
    await assertRoomForMember(auth, options, user, organization, tx);
    const changed = await tx.updateInvitation(invitationId, { status: 'accepted' }, { status: 'pending' });
    if (!changed) throw new AuthError(E.INVITATION_NOT_FOUND);
    // The role as the locked transaction sees it: a role renamed since the first read has carried this invitation along.
    const member = await tx.createMember({ ...extra, organizationId, userId, role: read(auth, changed, 'role') } as never);
    const teamIds = await joinInvitedTeams(auth, options.teams, tx, invitation, userId);
    return { invitation: changed, member, teamIds };
  }).catch((error: unknown) => {
    if (error instanceof UniqueConstraintError && error.kind === 'member') throw new AuthError(E.USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION);
    throw error;
  });
  await hooks.afterAcceptInvitation?.({ invitation: accepted.invitation, member: accepted.member, user, organization });
  return accepted;
}

/**
 * An invitation is the inviter's grant, and it is honoured only while they could still make it: an inviter who
 * left the organization, or lost the right to invite or to grant that role since, no longer vouches for it.
 */
async function assertInviterMayStillGrant(auth: AuthContext, options: ResolvedOrganizationOptions, invitation: object): Promise<void> {
  // The roles as they are now: a dynamic role strengthened since the invitation was sent is judged as it is.
  options = await rolesInOrganization(auth, options, read(auth, invitation, 'organizationId'));
  const inviter = await auth.db.getMember(read(auth, invitation, 'organizationId'), read(auth, invitation, 'inviterId'));
  const inviterRole = inviter ? roleOf(auth, inviter) : null;
  if (inviterRole === null || !rolesAllow(options, inviterRole, { invitation: ['create'] }) || !outranksOrEquals(options, inviterRole, read(auth, invitation, 'role'))) {
    throw new AuthError(E.INVITER_CAN_NO_LONGER_GRANT_THIS_ROLE);
  }
}

/** The invitee declines; only a pending invitation can be declined, once. */
export async function rejectInvitation(auth: AuthContext, options: ResolvedOrganizationOptions, invitationId: string, user: object) {
  await invitationFor(auth, options, invitationId, user);
  const rejected = await auth.db.updateInvitation(invitationId, { status: 'rejected' }, { status: 'pending' });
  if (!rejected) throw new AuthError(E.INVITATION_NOT_FOUND);
  return rejected;
}

/**
 * A member withdraws a pending invitation. With `checked` the member needs `invitation: ['cancel']` and may
 * not cancel an invitation to a role above their own.
 */
export async function cancelInvitation(auth: AuthContext, options: ResolvedOrganizationOptions, invitation: object, canceller: object | null) {
  if (canceller) {
    options = await rolesInOrganization(auth, options, read(auth, invitation, 'organizationId')); // the organization's own roles count too
    const role = roleOf(auth, canceller);
    if (!rolesAllow(options, role, { invitation: ['cancel'] }) || !outranksOrEquals(options, role, read(auth, invitation, 'role'))) {
      throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION);
    }
  }
  const canceled = await auth.db.updateInvitation(idOf(auth, 'invitation', invitation), { status: 'canceled' }, { status: 'pending' });
  if (!canceled) throw new AuthError(E.INVITATION_NOT_FOUND);
  return canceled;
}

/** Pending invitations a member may see: those who can invite see them, minus creator-role ones unless they hold it. */
export function visibleInvitations(auth: AuthContext, options: ResolvedOrganizationOptions, memberRole: string, invitations: object[]): object[] | null {
  if (!rolesAllow(options, memberRole, { invitation: ['create'] })) return null;
  if (holdsCreatorRole(options, memberRole)) return invitations;
  return invitations.filter((invitation) => !holdsCreatorRole(options, read(auth, invitation, 'role')));
}
