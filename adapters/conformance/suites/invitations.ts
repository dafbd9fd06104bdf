/// <reference types="jest" />
import { ConformanceInvitation } from '../conformance-entities';
import { seedInvitation, seedOrganization, seedUser } from '../fixtures';
import { expectRecent, idsOf, minutesFromNow, type ConformanceTest } from '../harness';

/** Invitations: found by organization and by invitee email, counted while pending. */
export function describeInvitationConformance(test: ConformanceTest): void {
  describe('invitations', () => {
    test('createInvitation stores the email lower-cased with pending status and the member role', async (db) => {
      const [inviter, org] = [await seedUser(db), await seedOrganization(db)];
      const expiresAt = minutesFromNow(60 * 48);
      const invitation = await db.createInvitation({ organizationId: org.id, inviterId: inviter.id, email: 'New.Hire@Example.com', expiresAt });
      expect(invitation).toBeInstanceOf(ConformanceInvitation);
      expect(invitation).toMatchObject({ organizationId: org.id, inviterId: inviter.id, email: 'new.hire@example.com', status: 'pending', role: 'member' });
      expectRecent(invitation.createdAt);
      const read = await db.getInvitationById(invitation.id);
      expect(read).toMatchObject({ id: invitation.id, email: 'new.hire@example.com' });
      expect(read?.expiresAt.getTime()).toBe(expiresAt.getTime());
      expect(await db.getInvitationById('no-such-id')).toBeNull();
    });

    test('listInvitations and listInvitationsForEmail find invitations by organization and by email in any case', async (db) => {
      const inviter = await seedUser(db);
      const [org, other] = [await seedOrganization(db), await seedOrganization(db)];
      const first = await seedInvitation(db, org.id, inviter.id, { email: 'sam@example.com' });
      const second = await seedInvitation(db, org.id, inviter.id, { role: 'admin' });
      const elsewhere = await seedInvitation(db, other.id, inviter.id, { email: 'SAM@example.com' });
      expect(idsOf(await db.listInvitations(org.id))).toEqual(idsOf([first, second]));
      expect(idsOf(await db.listInvitationsForEmail('Sam@Example.COM'))).toEqual(idsOf([first, elsewhere]));
      expect(await db.listInvitations('no-such-org')).toEqual([]);
      expect(await db.listInvitationsForEmail('nobody@example.com')).toEqual([]);
    });

    test('countPendingInvitations counts only the pending invitations of that organization', async (db) => {
      const inviter = await seedUser(db);
      const [org, other] = [await seedOrganization(db), await seedOrganization(db)];
      await seedInvitation(db, org.id, inviter.id);
      await seedInvitation(db, org.id, inviter.id);
      await seedInvitation(db, org.id, inviter.id, { status: 'accepted' });
      const canceled = await seedInvitation(db, org.id, inviter.id);
      await db.updateInvitation(canceled.id, { status: 'canceled' });
      await seedInvitation(db, other.id, inviter.id);
      expect(await db.countPendingInvitations(org.id)).toBe(2);
      expect(await db.countPendingInvitations(other.id)).toBe(1);
      expect(await db.countPendingInvitations('no-such-org')).toBe(0);
    });

    test('updateInvitation changes the status; an unknown id returns null', async (db) => {
      const [inviter, org] = [await seedUser(db), await seedOrganization(db)];
      const invitation = await seedInvitation(db, org.id, inviter.id);
      expect(await db.updateInvitation(invitation.id, { status: 'accepted' })).toMatchObject({ id: invitation.id, status: 'accepted' });
      expect(await db.getInvitationById(invitation.id)).toMatchObject({ status: 'accepted' });
      expect(await db.updateInvitation('no-such-id', { status: 'rejected' })).toBeNull();
    });

    test('updateInvitation with an expected status changes the row only while it has that status, once under concurrency', async (db) => {
      const [inviter, org] = [await seedUser(db), await seedOrganization(db)];
      const invitation = await seedInvitation(db, org.id, inviter.id);
      const attempts = await Promise.all(Array.from({ length: 8 }, () => db.updateInvitation(invitation.id, { status: 'accepted' }, { status: 'pending' })));
      expect(attempts.filter((attempt) => attempt !== null)).toHaveLength(1);
      expect(attempts.find((attempt) => attempt !== null)).toMatchObject({ id: invitation.id, status: 'accepted' });
      expect(await db.updateInvitation(invitation.id, { status: 'rejected' }, { status: 'pending' })).toBeNull();
      expect(await db.getInvitationById(invitation.id)).toMatchObject({ status: 'accepted' });
      expect(await db.updateInvitation('no-such-id', { status: 'rejected' }, { status: 'pending' })).toBeNull();
    });

    test('deleteInvitation removes the invitation and reports whether it existed', async (db) => {
      const [inviter, org] = [await seedUser(db), await seedOrganization(db)];
      const invitation = await seedInvitation(db, org.id, inviter.id, { email: 'gone@example.com' });
      expect(await db.deleteInvitation(invitation.id)).toBe(true);
      expect(await db.deleteInvitation(invitation.id)).toBe(false);
      expect(await db.getInvitationById(invitation.id)).toBeNull();
      expect(await db.listInvitationsForEmail('gone@example.com')).toEqual([]);
      expect(await db.countPendingInvitations(org.id)).toBe(0);
    });
  });
}
