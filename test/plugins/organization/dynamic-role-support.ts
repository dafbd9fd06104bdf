import type { OrganizationOptions } from 'better-auth-entities/plugins';
import type { BuiltinDatabase } from '../../support/builtin-backends';
import type { CallResult } from '../../support/test-auth';
import { as, join, organizationOf, orgAuth, person, type Handler, type Person } from './org-support';

/**
 * An organization with dynamic roles: an owner, an admin and a plain member of organization A, and a stranger
 * who owns organization B (with a role of its own, `b-secret`), for the role routes' tests.
 */
export async function rolesTeam(database: BuiltinDatabase, options: OrganizationOptions<any, any, any, any> = {}) {
  const { auth, handler } = orgAuth(database, { ...options, dynamicAccessControl: { enabled: true, ...options.dynamicAccessControl } });
  const [owner, admin, member, stranger] = [await person(handler, database), await person(handler, database), await person(handler, database), await person(handler, database)];
  const org = await organizationOf(handler, owner);
  const ids = { admin: await join(handler, owner, org.id, admin, 'admin'), member: await join(handler, owner, org.id, member), owner: (await database.getMember(org.id, owner.id))!.id };
  const other = await organizationOf(handler, stranger);
  const otherRole = await roles(handler, stranger, other.id).create('b-secret', { organization: ['update'] });
  if (otherRole.status !== 200) throw new Error(`create-role failed: ${JSON.stringify(otherRole.json)}`);
  return { auth, handler, database, owner, admin, member, stranger, org, other, ids, otherRoleId: otherRole.json.roleData.id as string };
}

/** The role routes as `who`, in `organizationId`. */
export function roles(handler: Handler, who: Person, organizationId: string) {
  const caller = as(handler, who);
  return {
    create: (role: unknown, permission: unknown): Promise<CallResult> => caller.post('/organization/create-role', { organizationId, role, permission }),
    list: (): Promise<CallResult> => caller.get('/organization/list-roles', { organizationId }),
    get: (reference: { roleName?: string; roleId?: string }): Promise<CallResult> => caller.get('/organization/get-role', { organizationId, ...reference }),
    update: (reference: { roleName?: string; roleId?: string }, data: Record<string, unknown>): Promise<CallResult> =>
      caller.post('/organization/update-role', { organizationId, ...reference, data }),
    remove: (reference: { roleName?: string; roleId?: string }): Promise<CallResult> => caller.post('/organization/delete-role', { organizationId, ...reference }),
    /** Whether `who`'s roles in the organization grant `permissions` (has-permission's `success`). */
    may: async (permissions: Record<string, string[]>): Promise<boolean> => {
      const answer = await caller.post('/organization/has-permission', { organizationId, permissions });
      if (answer.status !== 200) throw new Error(`has-permission failed: ${JSON.stringify(answer.json)}`);
      return answer.json.success;
    },
    setRole: (memberId: string, role: unknown): Promise<CallResult> => caller.post('/organization/update-member-role', { organizationId, memberId, role }),
    invite: (email: string, role: unknown): Promise<CallResult> => caller.post('/organization/invite-member', { organizationId, email, role }),
  };
}
