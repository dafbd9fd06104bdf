import { createAccessControl } from '../../core/access-control';

/**
 * What the organization routes check, resource by resource (better-auth's statements, `team` included, without
 * dynamic roles' `ac`). Apps extend them with resources of their own:
 * `createAccessControl({ ...organizationStatements, project: ['create', 'archive'] })`.
 */
export const organizationStatements = {
  organization: ['update', 'delete'],
  member: ['create', 'update', 'delete'],
  invitation: ['create', 'cancel'],
  team: ['create', 'update', 'delete'],
} as const;

/** Build custom roles on this: `organizationAccessControl.newRole({ invitation: ['create'] })`. */
export const organizationAccessControl = createAccessControl(organizationStatements);

/** Everything: the creator's role by default. */
export const ownerRole = organizationAccessControl.newRole({
  organization: ['update', 'delete'],
  member: ['create', 'update', 'delete'],
  invitation: ['create', 'cancel'],
  team: ['create', 'update', 'delete'],
});

/** Everything but deleting the organization. */
export const organizationAdminRole = organizationAccessControl.newRole({
  organization: ['update'],
  member: ['create', 'update', 'delete'],
  invitation: ['create', 'cancel'],
  team: ['create', 'update', 'delete'],
});

/** Reads only. */
export const memberRole = organizationAccessControl.newRole({ organization: [], member: [], invitation: [], team: [] });

/** The roles when the app names none. */
export const defaultOrganizationRoles = { owner: ownerRole, admin: organizationAdminRole, member: memberRole };
