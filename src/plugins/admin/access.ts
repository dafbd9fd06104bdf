import { createAccessControl } from '../../core/access-control';

/**
 * What the admin routes check, resource by resource: better-auth's admin statements, plus `ban-admins`,
 * `delete-admins` and `update-admins`. Acting on another admin is a permission of its own, as
 * `impersonate-admins` is; `update-admins` (role, password, fields) closes the detour of demoting an admin
 * or taking over their password before banning them.
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

/** Build custom roles on this: `adminAccessControl.newRole({ user: ['list', 'ban'] })`. */
export const adminAccessControl = createAccessControl(adminStatements);

/** Everything except acting on other admins. */
export const adminRole = adminAccessControl.newRole({
  user: ['create', 'list', 'set-role', 'ban', 'impersonate', 'delete', 'set-password', 'set-email', 'get', 'update'],
  session: ['list', 'revoke', 'delete'],
});

/** Nothing. */
export const userRole = adminAccessControl.newRole({ user: [], session: [] });

/** The roles when the app names none. */
export const defaultAdminRoles = { admin: adminRole, user: userRole };
