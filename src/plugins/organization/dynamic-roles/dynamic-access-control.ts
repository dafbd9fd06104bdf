import { Role, type AccessControl, type Statements } from '../../../core/access-control';
import { ConfigError } from '../../../errors/config-error';
import { defaultOrganizationRoles, organizationStatements } from '../access';

/** `OrganizationPlugin({ dynamicAccessControl })`: roles each organization defines at run time. */
export interface DynamicAccessControlOptions {
  /** Mounts create-role, list-roles, get-role, update-role and delete-role (default false). */
  enabled?: boolean;
  /** Most roles one organization may define (default: no limit), or a function of the organization's id. */
  maximumRolesPerOrganization?: number | ((organizationId: string) => number | Promise<number>);
}

/** The options above with their defaults, plus every resource and action a dynamic role may grant. */
export interface ResolvedDynamicAccessControl {
  readonly enabled: boolean;
  readonly maximumRolesPerOrganization: number | ((organizationId: string) => number | Promise<number>);
  readonly statements: Statements;
}

/**
 * The `ac` resource the role routes check (better-auth's names): `create`, `read`, `update`, `delete` roles.
 * Apps with roles of their own grant it with an access control built on these statements.
 * @example
 * const ac = createAccessControl({ ...organizationStatements, ...roleManagementStatements, project: ['create'] });
 * const roles = { owner: ac.newRole({ ...all, ac: ['create', 'read', 'update', 'delete'] }), ... };
 */
export const roleManagementStatements = { ac: ['create', 'read', 'update', 'delete'] } as const;

const withRoleManagement = (role: Role, actions: readonly string[]) => new Role({ ...role.statements, ac: actions });

/**
 * better-auth's default roles with dynamic access control on: owner and admin manage roles, members read them.
 * Used only when the app names no roles of its own (its roles say for themselves who manages roles).
 * @example
 * defaultRolesWithRoleManagement.member.authorize({ ac: ['read'] }); // { success: true }
 */
export const defaultRolesWithRoleManagement = {
  owner: withRoleManagement(defaultOrganizationRoles.owner, roleManagementStatements.ac),
  admin: withRoleManagement(defaultOrganizationRoles.admin, roleManagementStatements.ac),
  member: withRoleManagement(defaultOrganizationRoles.member, ['read']),
};

/**
 * Resolves `dynamicAccessControl` once, with the roles it implies. A dynamic role may grant what `ac` states
 * (better-auth's option) or, without it, the plugin's statements, role management, and any action one of the
 * configured roles grants: so an app's custom resource (`project: ['create']`) is grantable without more setup.
 * @example
 * resolveDynamicAccessControl({ dynamicAccessControl: { enabled: true } }).roles.admin.authorize({ ac: ['create'] }); // success
 */
export function resolveDynamicAccessControl(options: {
  dynamicAccessControl?: DynamicAccessControlOptions;
  ac?: AccessControl<Statements>;
  roles?: Readonly<Record<string, Role>>;
}): { dynamicAccessControl: ResolvedDynamicAccessControl; roles: Readonly<Record<string, Role>> } {
  const enabled = options.dynamicAccessControl?.enabled ?? false;
  const roles = options.roles ?? (enabled ? defaultRolesWithRoleManagement : defaultOrganizationRoles);
  const maximumRolesPerOrganization = options.dynamicAccessControl?.maximumRolesPerOrganization ?? Number.POSITIVE_INFINITY;
  if (typeof maximumRolesPerOrganization === 'number' && !(maximumRolesPerOrganization >= 0)) {
    throw new ConfigError('OrganizationPlugin: dynamicAccessControl.maximumRolesPerOrganization must be zero or more.');
  }
  return { dynamicAccessControl: { enabled, maximumRolesPerOrganization, statements: options.ac?.statements ?? grantableStatements(roles) }, roles };
}

function grantableStatements(roles: Readonly<Record<string, Role>>): Statements {
  const actions = new Map<string, Set<string>>();
  const add = (statements: Statements) => {
    for (const [resource, granted] of Object.entries(statements)) {
      const set = actions.get(resource) ?? new Set<string>();
      granted.forEach((action) => set.add(action));
      actions.set(resource, set);
    }
  };
  add(organizationStatements);
  add(roleManagementStatements);
  Object.values(roles).forEach((role) => add(role.statements));
  return Object.fromEntries([...actions].map(([resource, set]) => [resource, [...set]]));
}
