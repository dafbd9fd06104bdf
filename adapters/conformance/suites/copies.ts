/// <reference types="jest" />
import { seedSession, seedUser } from '../fixtures';
import type { ConformanceTest } from '../harness';

/** Returned entities are copies: callers mutate what they get (the engine does) without touching the store. */
export function describeCopyConformance(test: ConformanceTest): void {
  describe('returned entities are copies', () => {
    test('changing a returned user, its objects or its dates does not change the stored user', async (db) => {
      const created = await seedUser(db, { name: 'Ada', metadata: { nested: { level: 1 } } });
      created.name = 'Mutated';
      created.preferences.theme = 'mutated';
      created.createdAt.setTime(0);
      const read = (await db.getUserById(created.id))!;
      read.plan = 'mutated';
      (read.metadata.nested as { level: number }).level = 99;
      const again = await db.getUserById(created.id);
      expect(again).toMatchObject({ name: 'Ada', plan: 'free', preferences: { theme: 'light' }, metadata: { nested: { level: 1 } } });
      expect(again?.createdAt.getTime()).not.toBe(0);
    });

    test('changing the values passed to a create or update does not change the stored entity', async (db) => {
      const metadata: Record<string, unknown> = { tags: ['a'] };
      const user = await seedUser(db, { metadata });
      (metadata.tags as string[]).push('b');
      const patch = { preferences: { theme: 'dark' } };
      await db.updateUser(user.id, patch);
      patch.preferences.theme = 'mutated';
      expect(await db.getUserById(user.id)).toMatchObject({ metadata: { tags: ['a'] }, preferences: { theme: 'dark' } });
    });

    test('changing entities returned by lists and joined reads does not change the stored ones', async (db) => {
      const user = await seedUser(db);
      const session = await seedSession(db, user.id);
      const [listed] = await db.listSessionsForUser(user.id);
      listed.userAgent = 'mutated';
      const joined = (await db.getSessionWithUser(session.token))!;
      joined.user.name = 'mutated';
      joined.session.ipAddress = 'mutated';
      const page = await db.listUsers();
      page.users[0].email = 'mutated@example.com';
      const again = (await db.getSessionWithUser(session.token))!;
      expect(again.session).toMatchObject({ userAgent: null, ipAddress: null });
      expect(again.user).toMatchObject({ name: 'Test User', email: user.email });
      expect((await db.getUserByEmail(user.email!))?.id).toBe(user.id);
    });

    test('users created without preferences each get their own default object', async (db) => {
      const first = await seedUser(db);
      await db.updateUser(first.id, { preferences: { ...first.preferences, theme: 'dark' } });
      const second = await seedUser(db);
      expect(second.preferences).toEqual({ theme: 'light' });
      expect((await db.getUserById(first.id))?.preferences).toEqual({ theme: 'dark' });
    });
  });
}
