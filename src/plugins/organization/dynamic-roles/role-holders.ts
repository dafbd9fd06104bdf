import type { DatabaseAdapter } from '../../../../adapters/database-adapter';
import type { AuthContext } from '../../../core/auth-context';
import { isOpen } from '../invitations';
import { idOf, roleOf } from '../memberships';
import { joinRoles, parseRoles } from '../roles';

/**
 * Who carries a role name in one organization: members whose role list includes it, and invitations still
 * pending (`open`: only those that can still be accepted). Read through `db`, a transaction holding the
 * organization's lock, so nobody is added between the look and what follows it.
 */
export async function holdersOf(auth: AuthContext, db: DatabaseAdapter, organizationId: string, name: string) {
  const members = (await db.listMembers(organizationId)).filter((member) => parseRoles(roleOf(auth, member)).includes(name));
  const invitations = (await db.listInvitations(organizationId)).filter(
    (invitation) => invitationIsPending(auth, invitation) && parseRoles(invitationRole(auth, invitation)).includes(name),
  );
  return { members, openInvitations: invitations.filter((invitation) => isOpen(auth, invitation)), pendingInvitations: invitations };
}

/**
 * Renames a role in the role lists of everyone carrying it (members and pending invitations), in `db`'s
 * transaction with the role's own rename: holders keep their rights under the new name, and nobody is left
 * holding the old name, which a role created later could otherwise hand them.
 * @example
 * await carryHolders(auth, tx, organizationId, 'editor', 'writer'); // "member,editor" → "member,writer"
 */
export async function carryHolders(auth: AuthContext, db: DatabaseAdapter, organizationId: string, from: string, to: string): Promise<void> {
  const { members, pendingInvitations } = await holdersOf(auth, db, organizationId, from);
  const renamed = (role: string) => joinRoles([...new Set(parseRoles(role).map((name) => (name === from ? to : name)))]);
  for (const member of members) await db.updateMember(idOf(auth, 'member', member), { role: renamed(roleOf(auth, member)) });
  for (const invitation of pendingInvitations) {
    await db.updateInvitation(idOf(auth, 'invitation', invitation), { role: renamed(invitationRole(auth, invitation)) }, { status: 'pending' });
  }
}

const invitationRole = (auth: AuthContext, invitation: object) => String(auth.models.invitation.read(invitation, 'role'));
const invitationIsPending = (auth: AuthContext, invitation: object) => auth.models.invitation.read(invitation, 'status') === 'pending';
