// Drives better-auth's own `organizationClient` (from `better-auth/client/plugins`) against a running server
// with the organization plugin, through the whole flow: create → invite → accept → role change → remove →
// leave → delete. Usage: BASE_URL=http://127.0.0.1:3000 node test/client/organization-client.mjs [--mode cookies|bearer]
// Prints one JSON line of what the clients saw; any unexpected shape prints a message on stderr and exits 1.
import { randomBytes } from 'node:crypto';
import { organizationClient } from 'better-auth/client/plugins';
import { clientRun, PASSWORD } from './organization-client-run.mjs';

const { ok, device } = clientRun('organization-client', () => [organizationClient()]);

const suffix = randomBytes(4).toString('hex');
const [owner, invitee, third] = [device(), device(), device()];
const emails = { owner: `owner-${suffix}@example.com`, invitee: `invitee-${suffix}@example.com`, third: `third-${suffix}@example.com` };
ok('owner signUp', await owner.signUp.email({ email: emails.owner, password: PASSWORD, name: 'Owner' }));
ok('invitee signUp', await invitee.signUp.email({ email: emails.invitee, password: PASSWORD, name: 'Invitee' }));
ok('third signUp', await third.signUp.email({ email: emails.third, password: PASSWORD, name: 'Third' }));

const slug = `acme-${suffix}`;
const created = ok('create', await owner.organization.create({ name: 'Acme', slug, metadata: { tier: 'gold' } }));
const organizationId = created.id;
const slugTaken = await owner.organization.checkSlug({ slug });
const ownerSession = ok('owner getSession', await owner.getSession());

const invitation = ok('inviteMember', await owner.organization.inviteMember({ email: emails.invitee, role: 'member' }));
const seen = ok('getInvitation', await invitee.organization.getInvitation({ query: { id: invitation.id } }));
const accepted = ok('acceptInvitation', await invitee.organization.acceptInvitation({ invitationId: invitation.id }));
const inviteeSession = ok('invitee getSession', await invitee.getSession());
const memberId = accepted.member.id;

const promoted = ok('updateMemberRole', await owner.organization.updateMemberRole({ memberId, role: 'admin' }));
const role = ok('getActiveMemberRole', await invitee.organization.getActiveMemberRole());
const activeMember = ok('getActiveMember', await invitee.organization.getActiveMember());

const thirdInvitation = ok('invite third', await invitee.organization.inviteMember({ email: emails.third, role: 'member', organizationId }));
ok('third accepts', await third.organization.acceptInvitation({ invitationId: thirdInvitation.id }));
const thirdRemovesOwner = await third.organization.removeMember({ memberIdOrEmail: emails.owner, organizationId });
const removed = ok('removeMember', await invitee.organization.removeMember({ memberIdOrEmail: emails.third, organizationId }));

const full = ok('getFullOrganization', await owner.organization.getFullOrganization());
const listed = ok('listMembers', await owner.organization.listMembers({ query: { limit: 10 } }));
const permission = ok('hasPermission', await invitee.organization.hasPermission({ permissions: { member: ['delete'] } }));
const left = ok('leave', await invitee.organization.leave({ organizationId }));
const ownerLeaves = await owner.organization.leave({ organizationId });
const strangerReads = await invitee.organization.getFullOrganization({ query: { organizationId } });
const deleted = ok('delete', await owner.organization.delete({ organizationId }));
const afterDelete = ok('list', await owner.organization.list());

const refusal = (result) => ({ status: result.error?.status, code: result.error?.code });
process.stdout.write(
  `${JSON.stringify({
    created: { slug: created.slug, metadata: created.metadata, members: created.members.map((member) => member.role) },
    slugTaken: refusal(slugTaken),
    ownerActive: ownerSession.session.activeOrganizationId === organizationId,
    invitation: { email: invitation.email, role: invitation.role, status: invitation.status },
    seen: { organizationSlug: seen.organizationSlug, inviterEmail: seen.inviterEmail === emails.owner },
    accepted: { status: accepted.invitation.status, role: accepted.member.role },
    inviteeActive: inviteeSession.session.activeOrganizationId === organizationId,
    promoted: promoted.role,
    role,
    activeMember: { role: activeMember.role, email: activeMember.user.email === emails.invitee },
    thirdRemovesOwner: refusal(thirdRemovesOwner),
    removed: removed.member.userId !== undefined,
    full: { id: full.id === organizationId, members: full.members.map((member) => member.role), invitations: full.invitations.length },
    listed: { total: listed.total, users: listed.members.every((member) => typeof member.user.email === 'string') },
    permission,
    left: left.role,
    ownerLeaves: refusal(ownerLeaves),
    strangerReads: refusal(strangerReads),
    deleted: deleted.id === organizationId,
    afterDelete,
    errorCodes: Object.keys(organizationClient().$ERROR_CODES ?? {}),
  })}\n`,
);
