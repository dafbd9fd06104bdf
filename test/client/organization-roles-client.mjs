// Drives better-auth's own `organizationClient({ dynamicAccessControl: { enabled: true } })` against a running
// server with the organization plugin's dynamic roles: create-role → list-roles → get-role → update-role →
// assign it to a member → has-permission as that member → delete-role refused while the role is in use.
// Usage: BASE_URL=http://127.0.0.1:3000 node test/client/organization-roles-client.mjs [--mode cookies|bearer]
// Prints one JSON line of what the clients saw; any unexpected failure prints a message on stderr and exits 1.
import { randomBytes } from 'node:crypto';
import { organizationClient } from 'better-auth/client/plugins';
import { clientRun, PASSWORD } from './organization-client-run.mjs';

const { ok, device } = clientRun('organization-roles-client', () => [organizationClient({ dynamicAccessControl: { enabled: true } })]);

const suffix = randomBytes(4).toString('hex');
const [owner, worker] = [device(), device()];
const emails = { owner: `owner-${suffix}@example.com`, worker: `worker-${suffix}@example.com` };
ok('owner signUp', await owner.signUp.email({ email: emails.owner, password: PASSWORD, name: 'Owner' }));
ok('worker signUp', await worker.signUp.email({ email: emails.worker, password: PASSWORD, name: 'Worker' }));
const organization = ok('create', await owner.organization.create({ name: 'Roles', slug: `roles-${suffix}` }));
const invitation = ok('inviteMember', await owner.organization.inviteMember({ email: emails.worker, role: 'member' }));
const { member } = ok('acceptInvitation', await worker.organization.acceptInvitation({ invitationId: invitation.id }));

const created = ok('createRole', await owner.organization.createRole({ role: 'Recruiter', permission: { invitation: ['create'] } }));
const listed = ok('listRoles', await owner.organization.listRoles());
const read = ok('getRole', await worker.organization.getRole({ query: { roleName: 'recruiter' } }));
const updated = ok('updateRole', await owner.organization.updateRole({ roleName: 'recruiter', data: { permission: { invitation: ['create', 'cancel'] } } }));
const before = ok('hasPermission before', await worker.organization.hasPermission({ permissions: { invitation: ['create'] } }));
const assigned = ok('updateMemberRole', await owner.organization.updateMemberRole({ memberId: member.id, role: 'recruiter' }));
const after = ok('hasPermission after', await worker.organization.hasPermission({ permissions: { invitation: ['cancel'] } }));
const beyond = ok('hasPermission beyond', await worker.organization.hasPermission({ permissions: { member: ['delete'] } }));
const inUse = await owner.organization.deleteRole({ roleName: 'recruiter' });
const workerCreates = await worker.organization.createRole({ role: 'mine', permission: { invitation: ['create'] } });
const wrongOrganization = await worker.organization.listRoles({ query: { organizationId: 'no-such-organization' } });

const refusal = (result) => ({ status: result.error?.status, code: result.error?.code });
process.stdout.write(
  `${JSON.stringify({
    created: { success: created.success, role: created.roleData.role, organization: created.roleData.organizationId === organization.id, statements: created.statements },
    listed: listed.map((role) => ({ role: role.role, permission: role.permission })),
    read: { id: read.id === created.roleData.id, permission: read.permission },
    updated: { success: updated.success, permission: updated.roleData.permission },
    before,
    assigned: assigned.role,
    after,
    beyond,
    inUse: refusal(inUse),
    workerCreates: refusal(workerCreates),
    wrongOrganization: refusal(wrongOrganization),
    errorCodes: Object.keys(organizationClient().$ERROR_CODES ?? {}),
  })}\n`,
);
