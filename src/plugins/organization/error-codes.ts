import { defineErrorCodes } from '../../errors/declared-error';

/**
 * The organization plugin's codes, named and worded as better-auth's `organizationClient` knows them (teams
 * are not implemented, so their codes are not declared; the dynamic-role codes are in
 * dynamic-roles/role-errors.ts). Statuses follow better-auth's, except that one code has one status here: `USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION` is always a 403 and
 * `YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER` a 403 (better-auth answers some of them with 400 or 401).
 */
export const ORGANIZATION_ERRORS = defineErrorCodes({
  YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION: { status: 403, message: 'You are not allowed to create a new organization' },
  YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS: { status: 403, message: 'You have reached the maximum number of organizations' },
  ORGANIZATION_ALREADY_EXISTS: { status: 400, message: 'Organization already exists' },
  ORGANIZATION_SLUG_ALREADY_TAKEN: { status: 400, message: 'Organization slug already taken' },
  ORGANIZATION_NOT_FOUND: { status: 400, message: 'Organization not found' },
  ORGANIZATION_DELETION_DISABLED: { status: 404, message: 'Organization deletion is disabled' },
  USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION: { status: 403, message: 'User is not a member of the organization' },
  YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION: { status: 403, message: 'You are not a member of this organization' },
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION: { status: 403, message: 'You are not allowed to update this organization' },
  YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION: { status: 403, message: 'You are not allowed to delete this organization' },
  NO_ACTIVE_ORGANIZATION: { status: 400, message: 'No active organization' },
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: { status: 400, message: 'User is already a member of this organization' },
  USER_NOT_FOUND: { status: 404, message: 'User not found' },
  MEMBER_NOT_FOUND: { status: 400, message: 'Member not found' },
  ROLE_NOT_FOUND: { status: 400, message: 'Role not found' },
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER: { status: 400, message: 'You cannot leave the organization as the only owner' },
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER: { status: 400, message: 'You cannot leave the organization without an owner' },
  YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER: { status: 403, message: 'You are not allowed to delete this member' },
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER: { status: 403, message: 'You are not allowed to update this member' },
  YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION: { status: 403, message: 'You are not allowed to invite users to this organization' },
  YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE: { status: 403, message: 'You are not allowed to invite a user with this role' },
  // Ours: checked at acceptance, so an inviter who left or was demoted cannot hand out a role any more.
  INVITER_CAN_NO_LONGER_GRANT_THIS_ROLE: { status: 403, message: 'Whoever sent this invitation can no longer grant its role' },
  USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION: { status: 400, message: 'User is already invited to this organization' },
  INVITATION_NOT_FOUND: { status: 400, message: 'Invitation not found' },
  YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION: { status: 403, message: 'You are not the recipient of the invitation' },
  EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION: {
    status: 403,
    message: 'Email verification required before accepting or rejecting invitation',
  },
  EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION: { status: 403, message: 'Email verification required to view or list invitations for the session email' },
  YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION: { status: 403, message: 'You are not allowed to cancel this invitation' },
  YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS: { status: 403, message: 'You are not allowed to list invitations for this organization' },
  INVITER_IS_NO_LONGER_A_MEMBER_OF_THE_ORGANIZATION: { status: 400, message: 'Inviter is no longer a member of the organization' },
  FAILED_TO_RETRIEVE_INVITATION: { status: 400, message: 'Failed to retrieve invitation' },
  ORGANIZATION_MEMBERSHIP_LIMIT_REACHED: { status: 403, message: 'Organization membership limit reached' },
  INVITATION_LIMIT_REACHED: { status: 403, message: 'Invitation limit reached' },
});

export type OrganizationError = (typeof ORGANIZATION_ERRORS)[keyof typeof ORGANIZATION_ERRORS];
