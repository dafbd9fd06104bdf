import { defineErrorCodes } from '../../../errors/declared-error';

/**
 * The codes of the role routes, named, worded and (mostly) given the status better-auth's `organizationClient`
 * knows. Ours: `INVALID_ROLE_NAME` (better-auth takes any string) and `ROLE_IS_ASSIGNED_TO_PENDING_INVITATIONS`
 * (better-auth lets a role vanish from under the invitations that carry it).
 * @example
 * throw new AuthError(DYNAMIC_ROLE_ERRORS.TOO_MANY_ROLES); // 400
 */
export const DYNAMIC_ROLE_ERRORS = defineErrorCodes({
  YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE: { status: 400, message: 'You must be in an organization to create a role' },
  YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE: { status: 403, message: 'You are not allowed to create a role' },
  YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE: { status: 403, message: 'You are not allowed to update a role' },
  YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE: { status: 403, message: 'You are not allowed to delete a role' },
  YOU_ARE_NOT_ALLOWED_TO_READ_A_ROLE: { status: 403, message: 'You are not allowed to read a role' },
  YOU_ARE_NOT_ALLOWED_TO_LIST_A_ROLE: { status: 403, message: 'You are not allowed to list a role' },
  TOO_MANY_ROLES: { status: 400, message: 'This organization has too many roles' },
  INVALID_RESOURCE: { status: 400, message: 'The provided permission includes an invalid resource' },
  ROLE_NAME_IS_ALREADY_TAKEN: { status: 400, message: 'That role name is already taken' },
  CANNOT_DELETE_A_PRE_DEFINED_ROLE: { status: 400, message: 'Cannot delete a pre-defined role' },
  ROLE_IS_ASSIGNED_TO_MEMBERS: {
    status: 400,
    message: 'Cannot delete a role that is assigned to members. Please reassign the members to a different role first',
  },
  ROLE_IS_ASSIGNED_TO_PENDING_INVITATIONS: {
    status: 400,
    message: 'Cannot delete a role that pending invitations carry. Cancel them or change their role first',
  },
  INVALID_ROLE_NAME: { status: 400, message: 'A role name must be 1 to 64 characters, without commas, control characters or surrounding spaces' },
});
