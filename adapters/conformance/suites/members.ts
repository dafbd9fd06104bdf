/// <reference types="jest" />
import { ConformanceMember } from '../conformance-entities';
import { seedMember, seedOrganization, seedUser } from '../fixtures';
import { expectExactlyOneWinner, expectRecent, expectUniqueViolation, idsOf, type ConformanceTest } from '../harness';

/** Members: who belongs to which organization, at most once, with counts for membership limits. */
export function describeMemberConformance(test: ConformanceTest): void {
  describe('members', () => {
    test('createMember defaults the role to member and the member is found by id and by organization plus user', async (db) => {
      const [user, org] = [await seedUser(db), await seedOrganization(db)];
      const member = await db.createMember({ organizationId: org.id, userId: user.id });
      expect(member).toBeInstanceOf(ConformanceMember);
      expect(member).toMatchObject({ organizationId: org.id, userId: user.id, role: 'member' });
      expectRecent(member.createdAt);
      expect(await db.getMemberById(member.id)).toMatchObject({ id: member.id, role: 'member' });
      expect(await db.getMember(org.id, user.id)).toMatchObject({ id: member.id });
    });

    test('member lookups return null when nothing matches', async (db) => {
      const [user, org] = [await seedUser(db), await seedOrganization(db)];
      const other = await seedOrganization(db);
      await seedMember(db, org.id, user.id);
      expect(await db.getMemberById('no-such-id')).toBeNull();
      expect(await db.getMember(other.id, user.id)).toBeNull();
      expect(await db.getMember(org.id, 'no-such-user')).toBeNull();
    });

    test('a user is a member of an organization at most once, also under concurrent creates', async (db) => {
      const [ada, grace, org] = [await seedUser(db), await seedUser(db), await seedOrganization(db)];
      await seedMember(db, org.id, ada.id);
      await expectUniqueViolation(seedMember(db, org.id, ada.id, 'admin'), 'member', ['organizationId', 'userId']);
      const winner = await expectExactlyOneWinner(
        Array.from({ length: 10 }, () => seedMember(db, org.id, grace.id)),
        'member',
        ['organizationId', 'userId'],
      );
      expect((await db.getMember(org.id, grace.id))?.id).toBe(winner.id);
      expect(await db.countMembers(org.id)).toBe(2);
    });

    test('listMembers and countMembers cover only that organization', async (db) => {
      const [ada, grace] = [await seedUser(db), await seedUser(db)];
      const [org, other] = [await seedOrganization(db), await seedOrganization(db)];
      const members = [await seedMember(db, org.id, ada.id, 'owner'), await seedMember(db, org.id, grace.id)];
      await seedMember(db, other.id, ada.id);
      const listed = await db.listMembers(org.id);
      expect(idsOf(listed)).toEqual(idsOf(members));
      expect(listed.every((member) => member instanceof ConformanceMember)).toBe(true);
      expect(await db.countMembers(org.id)).toBe(2);
      expect(await db.countMembers(other.id)).toBe(1);
      expect(await db.countMembers('no-such-org')).toBe(0);
      expect(await db.listMembers('no-such-org')).toEqual([]);
    });

    test('listMembers pages in joining order; getUsersByIds reads the users of a page at once', async (db) => {
      const org = await seedOrganization(db);
      const users = [await seedUser(db), await seedUser(db), await seedUser(db)];
      const members = [];
      // Distinct join times: members created within one millisecond tie on createdAt, and SQL then orders by id.
      const joined = Date.now();
      for (const [i, user] of users.entries()) members.push(await db.createMember({ organizationId: org.id, userId: user.id, createdAt: new Date(joined + i * 1000) }));
      expect(idsOf(await db.listMembers(org.id, { limit: 2 }))).toEqual(idsOf(members.slice(0, 2)));
      expect(idsOf(await db.listMembers(org.id, { limit: 2, offset: 2 }))).toEqual(idsOf(members.slice(2)));
      expect(await db.listMembers(org.id, { limit: 0 })).toEqual([]);
      const found = await db.getUsersByIds([users[2].id, users[0].id, users[0].id, 'no-such-user']);
      expect(idsOf(found).sort()).toEqual([users[0].id, users[2].id].sort());
      expect(await db.getUsersByIds([])).toEqual([]);
    });

    test('updateMember changes the role; an unknown id returns null', async (db) => {
      const [user, org] = [await seedUser(db), await seedOrganization(db)];
      const member = await seedMember(db, org.id, user.id);
      expect(await db.updateMember(member.id, { role: 'admin' })).toMatchObject({ id: member.id, role: 'admin' });
      expect(await db.getMember(org.id, user.id)).toMatchObject({ role: 'admin' });
      expect(await db.updateMember('no-such-id', { role: 'owner' })).toBeNull();
    });

    test('deleteMember removes the membership and reports whether it existed', async (db) => {
      const [user, org] = [await seedUser(db), await seedOrganization(db)];
      const member = await seedMember(db, org.id, user.id);
      expect(await db.deleteMember(member.id)).toBe(true);
      expect(await db.deleteMember(member.id)).toBe(false);
      expect(await db.getMember(org.id, user.id)).toBeNull();
      expect(await db.countMembers(org.id)).toBe(0);
      // The user may join again once the old membership is gone.
      expect(await seedMember(db, org.id, user.id)).toMatchObject({ userId: user.id });
    });
  });
}
