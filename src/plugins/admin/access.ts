import { createAccessControl } from '../../core/access-control';

/**
 * What the admin routes check, resource by resource: better-auth's admin statements, plus `ban-admins`
 * (ban, unban, revoke sessions), `delete-admins` and `update-admins` (role, password, fields) for apps that
 * want a higher tier: granting any of them to a role makes every action on another admin take its permission.
 */
export const adminStatements = {
  user: [
    'create',
    'list',
    'set-role',
    'ban',
    'ban-admins',
    'impersonate',
    'impersonate-admins',
    'delete',
    'delete-admins',
    'update-admins',
    'set-password',
    'set-email',
    'get',
    'update',
  ],
  session: ['list', 'revoke', 'delete'],
} as const;

/** The higher-tier permissions; an app switches the tier on by granting one (`impersonate-admins` is always checked). */
export const TIER_PERMISSIONS = ['ban-admins', 'delete-admins', 'update-admins'] as const;

/** Build custom roles on this: `adminAccessControl.newRole({ user: ['list', 'ban'] })`. */
export const adminAccessControl = createAccessControl(adminStatements);

/** Everything except impersonating other admins, as better-auth's `admin` role. */
export const adminRole = adminAccessControl.newRole({
  user: ['create', 'list', 'set-role', 'ban', 'impersonate', 'delete', 'set-password', 'set-email', 'get', 'update'],
  session: ['list', 'revoke', 'delete'],
});

/** Nothing. */
export const userRole = adminAccessControl.newRole({ user: [], session: [] });

/** The roles when the app names none. */
export const defaultAdminRoles = { admin: adminRole, user: userRole };
