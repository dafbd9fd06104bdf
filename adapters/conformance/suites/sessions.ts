/// <reference types="jest" />
import { ConformanceSession, ConformanceUser } from '../conformance-entities';
import { seedSession, seedUser } from '../fixtures';
import {
  expectExactlyOneWinner,
  expectRecent,
  expectUniqueViolation,
  idsOf,
  LONG_AGO,
  minutesFromNow,
  type ConformanceTest,
} from '../harness';

/** Sessions: the token lookup on every request, per-user listing and the bulk deletes behind sign-out. */
export function describeSessionConformance(test: ConformanceTest): void {
  describe('sessions', () => {
    test('createSession stores the session with its defaults and getSessionByToken finds it', async (db) => {
      const user = await seedUser(db);
      const expiresAt = minutesFromNow(60);
      const created = await db.createSession({ token: 'digest-1', userId: user.id, expiresAt, ipAddress: '203.0.113.7' });
      expect(created).toMatchObject({ token: 'digest-1', userId: user.id, ipAddress: '203.0.113.7', userAgent: null });
      expect(created).toMatchObject({ impersonatedBy: null, activeOrganizationId: null, active: true, deviceName: null });
      expectRecent(created.createdAt);
      expectRecent(created.updatedAt);
      const read = await db.getSessionByToken('digest-1');
      expect(read).toBeInstanceOf(ConformanceSession);
      expect(read?.id).toBe(created.id);
      expect(read?.expiresAt.getTime()).toBe(expiresAt.getTime());
    });

    test('getSessionByToken returns null for an unknown token', async (db) => {
      await seedSession(db, (await seedUser(db)).id);
      expect(await db.getSessionByToken('no-such-token')).toBeNull();
    });

    test('session tokens are unique, also under concurrent creates', async (db) => {
      const user = await seedUser(db);
      await seedSession(db, user.id, { token: 'shared' });
      await expectUniqueViolation(seedSession(db, user.id, { token: 'shared' }), 'session', ['token']);
      const attempts = Array.from({ length: 10 }, () => seedSession(db, user.id, { token: 'raced' }));
      const winner = await expectExactlyOneWinner(attempts, 'session', ['token']);
      expect((await db.getSessionByToken('raced'))?.id).toBe(winner.id);
    });

    test('getSessionWithUser returns the session and its user, custom fields included, in one call', async (db) => {
      const user = await seedUser(db, { plan: 'pro' });
      const session = await seedSession(db, user.id, { deviceName: 'laptop' });
      const found = await db.getSessionWithUser(session.token);
      expect(found?.session).toBeInstanceOf(ConformanceSession);
      expect(found?.user).toBeInstanceOf(ConformanceUser);
      expect(found?.session).toMatchObject({ id: session.id, deviceName: 'laptop' });
      expect(found?.user).toMatchObject({ id: user.id, email: user.email, plan: 'pro' });
    });

    test('getSessionByToken and getSessionWithUser return an expired session too, leaving expiry to the engine', async (db) => {
      const user = await seedUser(db);
      const expired = await seedSession(db, user.id, { expiresAt: minutesFromNow(-5) });
      expect((await db.getSessionByToken(expired.token))?.id).toBe(expired.id);
      expect((await db.getSessionWithUser(expired.token))?.session.id).toBe(expired.id);
      expect(idsOf(await db.listSessionsForUser(user.id))).toEqual([expired.id]);
    });

    test('getSessionWithUser returns null for an unknown token', async (db) => {
      await seedSession(db, (await seedUser(db)).id);
      expect(await db.getSessionWithUser('no-such-token')).toBeNull();
    });

    test('listSessionsForUser returns only that user\'s sessions', async (db) => {
      const [ada, grace] = [await seedUser(db), await seedUser(db)];
      const mine = [await seedSession(db, ada.id), await seedSession(db, ada.id)];
      await seedSession(db, grace.id);
      const listed = await db.listSessionsForUser(ada.id);
      expect(idsOf(listed)).toEqual(idsOf(mine));
      expect(listed.every((session) => session instanceof ConformanceSession)).toBe(true);
      expect(await db.listSessionsForUser('no-such-user')).toEqual([]);
    });

    test('updateSession changes fields, moves updatedAt forward and re-indexes a new token', async (db) => {
      const user = await seedUser(db);
      const session = await seedSession(db, user.id, { token: 'before', updatedAt: LONG_AGO });
      const expiresAt = minutesFromNow(7 * 24 * 60);
      const updated = await db.updateSession(session.id, { token: 'after', expiresAt, activeOrganizationId: 'org-1' });
      expect(updated).toMatchObject({ id: session.id, token: 'after', activeOrganizationId: 'org-1' });
      expect(await db.getSessionByToken('before')).toBeNull();
      const read = await db.getSessionByToken('after');
      expect(read?.expiresAt.getTime()).toBe(expiresAt.getTime());
      expectRecent(read?.updatedAt);
      expect(idsOf(await db.listSessionsForUser(user.id))).toEqual([session.id]);
    });

    test('updateSession returns null for an unknown id and refuses a token another session holds', async (db) => {
      const user = await seedUser(db);
      await seedSession(db, user.id, { token: 'taken' });
      const session = await seedSession(db, user.id, { token: 'mine' });
      expect(await db.updateSession('no-such-id', { active: false })).toBeNull();
      await expectUniqueViolation(db.updateSession(session.id, { token: 'taken' }), 'session', ['token']);
      expect((await db.getSessionByToken('mine'))?.id).toBe(session.id);
    });

    test('deleteSession removes one session and reports whether it existed', async (db) => {
      const user = await seedUser(db);
      const [doomed, kept] = [await seedSession(db, user.id), await seedSession(db, user.id)];
      expect(await db.deleteSession(doomed.id)).toBe(true);
      expect(await db.deleteSession(doomed.id)).toBe(false);
      expect(await db.getSessionByToken(doomed.token)).toBeNull();
      expect(idsOf(await db.listSessionsForUser(user.id))).toEqual([kept.id]);
    });

    test('deleteSessionsForUser removes every session of the user and returns the count', async (db) => {
      const [ada, grace] = [await seedUser(db), await seedUser(db)];
      for (let i = 0; i < 3; i++) await seedSession(db, ada.id);
      const other = await seedSession(db, grace.id);
      expect(await db.deleteSessionsForUser(ada.id)).toBe(3);
      expect(await db.listSessionsForUser(ada.id)).toEqual([]);
      expect(await db.getSessionByToken(other.token)).not.toBeNull();
      expect(await db.deleteSessionsForUser(ada.id)).toBe(0);
    });

    test('deleteSessionsForUser keeps the session named in exceptSessionId', async (db) => {
      const user = await seedUser(db);
      const current = await seedSession(db, user.id);
      await seedSession(db, user.id);
      await seedSession(db, user.id);
      expect(await db.deleteSessionsForUser(user.id, { exceptSessionId: current.id })).toBe(2);
      expect(idsOf(await db.listSessionsForUser(user.id))).toEqual([current.id]);
      expect((await db.getSessionByToken(current.token))?.id).toBe(current.id);
    });

    test('deleteExpiredSessions removes only sessions past their expiry and returns the count', async (db) => {
      const user = await seedUser(db);
      const expired = await seedSession(db, user.id, { expiresAt: minutesFromNow(-60) });
      const soon = await seedSession(db, user.id, { expiresAt: minutesFromNow(30) });
      const later = await seedSession(db, user.id, { expiresAt: minutesFromNow(120) });
      expect(await db.deleteExpiredSessions()).toBe(1);
      expect(await db.getSessionByToken(expired.token)).toBeNull();
      // An explicit `now` an hour ahead makes the 30-minute session expired too.
      expect(await db.deleteExpiredSessions(minutesFromNow(60))).toBe(1);
      expect(await db.getSessionByToken(soon.token)).toBeNull();
      expect(idsOf(await db.listSessionsForUser(user.id))).toEqual([later.id]);
    });
  });
}
