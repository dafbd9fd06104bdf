/// <reference types="jest" />
import { ConformanceOrganization } from '../conformance-entities';
import { seedInvitation, seedMember, seedOrganization, seedUser } from '../fixtures';
import { expectExactlyOneWinner, expectRecent, expectUniqueViolation, idsOf, type ConformanceTest } from '../harness';

/** Organizations, stored through a class without a base class whose `name` lives in `displayName`. */
export function describeOrganizationConformance(test: ConformanceTest): void {
  describe('organizations', () => {
    test('createOrganization stores the standard name in the remapped property and applies defaults', async (db) => {
      const org = await db.createOrganization({ name: 'Acme', slug: 'acme' });
      expect(org).toBeInstanceOf(ConformanceOrganization);
      expect(org).toMatchObject({ displayName: 'Acme', slug: 'acme', logo: null, metadata: {}, tier: 'starter' });
      expect(Object.keys(org)).not.toContain('name');
      expectRecent(org.createdAt);
      const read = await db.getOrganizationById(org.id);
      expect(read).toMatchObject({ id: org.id, displayName: 'Acme', tier: 'starter' });
    });

    test('createOrganization round-trips custom fields, logo and metadata', async (db) => {
      const org = await db.createOrganization({ name: 'Beta', slug: 'beta', tier: 'enterprise', logo: 'https://x.test/l.png', metadata: { seats: 5 } });
      expect(await db.getOrganizationBySlug('beta')).toMatchObject({
        id: org.id,
        tier: 'enterprise',
        logo: 'https://x.test/l.png',
        metadata: { seats: 5 },
      });
    });

    test('getOrganizationById and getOrganizationBySlug return null when nothing matches', async (db) => {
      await seedOrganization(db, 'exists');
      expect(await db.getOrganizationById('no-such-id')).toBeNull();
      expect(await db.getOrganizationBySlug('missing')).toBeNull();
    });

    test('slugs are unique, also under concurrent creates', async (db) => {
      await seedOrganization(db, 'taken');
      await expectUniqueViolation(seedOrganization(db, 'taken'), 'organization', ['slug']);
      const winner = await expectExactlyOneWinner(
        Array.from({ length: 10 }, () => seedOrganization(db, 'raced')),
        'organization',
        ['slug'],
      );
      expect((await db.getOrganizationBySlug('raced'))?.id).toBe(winner.id);
    });

    test('updateOrganization writes the standard name through the remapped property and re-indexes a new slug', async (db) => {
      const org = await seedOrganization(db, 'old-slug');
      const createdAt = (await db.getOrganizationById(org.id))!.createdAt;
      const updated = await db.updateOrganization(org.id, { name: 'Renamed', slug: 'new-slug', metadata: { plan: 'x' } });
      expect(updated).toMatchObject({ id: org.id, displayName: 'Renamed', slug: 'new-slug', metadata: { plan: 'x' } });
      expect(await db.getOrganizationBySlug('old-slug')).toBeNull();
      expect(await db.getOrganizationBySlug('new-slug')).toMatchObject({ id: org.id, displayName: 'Renamed' });
      expect((await db.getOrganizationById(org.id))?.createdAt.getTime()).toBe(createdAt.getTime());
    });

    test('updateOrganization refuses a slug another organization holds; an unknown id returns null', async (db) => {
      await seedOrganization(db, 'taken');
      const org = await seedOrganization(db, 'mine');
      await expectUniqueViolation(db.updateOrganization(org.id, { slug: 'taken' }), 'organization', ['slug']);
      expect((await db.getOrganizationBySlug('mine'))?.id).toBe(org.id);
      expect(await db.updateOrganization('no-such-id', { name: 'x' })).toBeNull();
    });

    test('deleteOrganization removes its members and invitations and nothing of other organizations', async (db) => {
      const user = await seedUser(db);
      const [doomed, kept] = [await seedOrganization(db), await seedOrganization(db)];
      const doomedMember = await seedMember(db, doomed.id, user.id, 'owner');
      const keptMember = await seedMember(db, kept.id, user.id, 'owner');
      const doomedInvite = await seedInvitation(db, doomed.id, user.id);
      const keptInvite = await seedInvitation(db, kept.id, user.id);
      expect(await db.deleteOrganization(doomed.id)).toBe(true);
      expect(await db.getOrganizationById(doomed.id)).toBeNull();
      expect(await db.getOrganizationBySlug(doomed.slug)).toBeNull();
      expect(await db.getMemberById(doomedMember.id)).toBeNull();
      expect(await db.listMembers(doomed.id)).toEqual([]);
      expect(await db.getInvitationById(doomedInvite.id)).toBeNull();
      expect(await db.listInvitations(doomed.id)).toEqual([]);
      expect(await db.getMemberById(keptMember.id)).not.toBeNull();
      expect(await db.getInvitationById(keptInvite.id)).not.toBeNull();
      expect(idsOf(await db.listOrganizationsForUser(user.id))).toEqual([kept.id]);
      expect(await db.getUserById(user.id)).not.toBeNull();
      expect(await db.deleteOrganization(doomed.id)).toBe(false);
    });

    test('listOrganizationsForUser returns the organizations the user is a member of', async (db) => {
      const [ada, grace] = [await seedUser(db), await seedUser(db)];
      const [one, two, three] = [await seedOrganization(db), await seedOrganization(db), await seedOrganization(db)];
      await seedMember(db, one.id, ada.id);
      await seedMember(db, two.id, ada.id);
      await seedMember(db, three.id, grace.id);
      const listed = await db.listOrganizationsForUser(ada.id);
      expect(idsOf(listed)).toEqual(idsOf([one, two]));
      expect(listed.every((org) => org instanceof ConformanceOrganization && typeof org.displayName === 'string')).toBe(true);
      expect(await db.listOrganizationsForUser('no-such-user')).toEqual([]);
    });
  });
}
