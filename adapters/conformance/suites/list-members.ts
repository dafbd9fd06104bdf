/// <reference types="jest" />
import { seedOrganization, seedUser } from '../fixtures';
import type { ConformanceAdapter } from '../conformance-entities';
import { idsOf, type ConformanceTest } from '../harness';

/** Three members of one organization with distinct roles and join times (a fourth in another organization). */
async function seedRoster(db: ConformanceAdapter) {
  const [org, other] = [await seedOrganization(db), await seedOrganization(db)];
  const joined = Date.now() - 60_000;
  const roster = [];
  for (const [i, role] of ['owner', 'member', 'admin'].entries()) {
    const user = await seedUser(db);
    roster.push(await db.createMember({ organizationId: org.id, userId: user.id, role, createdAt: new Date(joined + i * 1000) }));
  }
  await db.createMember({ organizationId: other.id, userId: (await seedUser(db)).id, role: 'admin' });
  const [owner, member, admin] = roster;
  return { org, owner, member, admin, joined };
}

/** `listMembers` sorting, filtering and paging, and `countMembers` with the same filter. */
export function describeListMembersConformance(test: ConformanceTest): void {
  describe('listMembers sorting and filtering', () => {
    test('sortBy orders by any member field in either direction, then pages', async (db) => {
      const { org, owner, member, admin } = await seedRoster(db);
      expect(idsOf(await db.listMembers(org.id, { sortBy: 'role' }))).toEqual(idsOf([admin, member, owner]));
      expect(idsOf(await db.listMembers(org.id, { sortBy: 'role', sortDirection: 'desc' }))).toEqual(idsOf([owner, member, admin]));
      expect(idsOf(await db.listMembers(org.id, { sortBy: 'createdAt', sortDirection: 'desc', limit: 2 }))).toEqual(idsOf([admin, member]));
      expect(idsOf(await db.listMembers(org.id, { sortBy: 'createdAt', sortDirection: 'desc', limit: 2, offset: 2 }))).toEqual(idsOf([owner]));
    });

    test('eq, ne, in and not_in filter on a field; the count takes the same filter and stays within the organization', async (db) => {
      const { org, owner, member, admin } = await seedRoster(db);
      expect(idsOf(await db.listMembers(org.id, { filter: { field: 'role', value: 'admin' } }))).toEqual(idsOf([admin]));
      expect(await db.countMembers(org.id, { field: 'role', value: 'admin' })).toBe(1);
      expect(idsOf(await db.listMembers(org.id, { filter: { field: 'role', operator: 'ne', value: 'admin' } }))).toEqual(idsOf([owner, member]));
      expect(idsOf(await db.listMembers(org.id, { filter: { field: 'role', operator: 'in', value: ['owner', 'admin'] } }))).toEqual(idsOf([owner, admin]));
      expect(idsOf(await db.listMembers(org.id, { filter: { field: 'role', operator: 'not_in', value: ['owner', 'admin'] } }))).toEqual(idsOf([member]));
      expect(await db.countMembers(org.id, { field: 'role', operator: 'in', value: ['owner', 'admin'] })).toBe(2);
      expect(await db.countMembers(org.id)).toBe(3);
    });

    test('text operators match ignoring case; lt, lte, gt and gte compare dates', async (db) => {
      const { org, owner, member, admin, joined } = await seedRoster(db);
      expect(idsOf(await db.listMembers(org.id, { filter: { field: 'role', operator: 'contains', value: 'MIN' } }))).toEqual(idsOf([admin]));
      expect(idsOf(await db.listMembers(org.id, { filter: { field: 'role', operator: 'starts_with', value: 'mem' } }))).toEqual(idsOf([member]));
      expect(idsOf(await db.listMembers(org.id, { filter: { field: 'role', operator: 'ends_with', value: 'er' } }))).toEqual(idsOf([owner, member]));
      const second = new Date(joined + 1000);
      expect(idsOf(await db.listMembers(org.id, { filter: { field: 'createdAt', operator: 'lt', value: second } }))).toEqual(idsOf([owner]));
      expect(idsOf(await db.listMembers(org.id, { filter: { field: 'createdAt', operator: 'lte', value: second } }))).toEqual(idsOf([owner, member]));
      expect(idsOf(await db.listMembers(org.id, { filter: { field: 'createdAt', operator: 'gt', value: second } }))).toEqual(idsOf([admin]));
      expect(await db.countMembers(org.id, { field: 'createdAt', operator: 'gte', value: second })).toBe(2);
    });

    test('sorting and filtering combine with paging', async (db) => {
      const { org, member, admin } = await seedRoster(db);
      const options = { sortBy: 'role', sortDirection: 'asc', filter: { field: 'role', operator: 'ne', value: 'owner' } } as const;
      expect(idsOf(await db.listMembers(org.id, { ...options, limit: 1 }))).toEqual(idsOf([admin]));
      expect(idsOf(await db.listMembers(org.id, { ...options, limit: 1, offset: 1 }))).toEqual(idsOf([member]));
    });
  });
}
