/// <reference types="jest" />
import { ConformanceUser } from '../conformance-entities';
import { seedInvitation, seedMember, seedOrganization, seedSession, seedUser } from '../fixtures';
import {
  expectExactlyOneWinner,
  expectRecent,
  expectUniqueViolation,
  LONG_AGO,
  uniqueEmail,
  type ConformanceTest,
} from '../harness';

/** Users: creation with defaults and custom fields, lookups, uniqueness, updates and the delete cascade. */
export function describeUserConformance(test: ConformanceTest): void {
  describe('users', () => {
    test('createUser fills in the id, both timestamps and the contract defaults', async (db) => {
      const user = await db.createUser({ email: 'ada@example.com', name: 'Ada' });
      expect(typeof user.id).toBe('string');
      expect(user.id.length).toBeGreaterThan(0);
      expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada', emailVerified: false, image: null });
      expect(user).toMatchObject({ username: null, twoFactorEnabled: false, banned: false, role: null, metadata: {}, isAnonymous: false });
      expectRecent(user.createdAt);
      expectRecent(user.updatedAt);
    });

    test('isAnonymous is written and read back as a boolean, on create and on update', async (db) => {
      const anonymous = await db.createUser({ email: uniqueEmail(), name: 'Anonymous', isAnonymous: true });
      expect((await db.getUserById(anonymous.id))?.isAnonymous).toBe(true);
      await db.updateUser(anonymous.id, { isAnonymous: false });
      expect((await db.getUserById(anonymous.id))?.isAnonymous).toBe(false);
    });

    test('createUser applies @AuthDefault values and round-trips custom fields', async (db) => {
      const plain = await db.createUser({ email: uniqueEmail() });
      expect(plain).toMatchObject({ plan: 'free', stripeCustomerId: null, preferences: { theme: 'light' } });
      const custom = await db.createUser({
        email: uniqueEmail(),
        plan: 'pro',
        stripeCustomerId: 'cus_123',
        preferences: { theme: 'dark', fontSize: 14 },
        metadata: { source: 'import', tags: ['a', 'b'] },
      });
      const read = await db.getUserById(custom.id);
      expect(read).toBeInstanceOf(ConformanceUser);
      expect(read).toMatchObject({
        plan: 'pro',
        stripeCustomerId: 'cus_123',
        preferences: { theme: 'dark', fontSize: 14 },
        metadata: { source: 'import', tags: ['a', 'b'] },
      });
    });

    test('createUser keeps the id and timestamps the caller gives', async (db) => {
      const user = await db.createUser({ id: 'user-fixed-id', email: uniqueEmail(), createdAt: LONG_AGO, updatedAt: LONG_AGO });
      expect(user.id).toBe('user-fixed-id');
      const read = await db.getUserById('user-fixed-id');
      expect(read?.createdAt.getTime()).toBe(LONG_AGO.getTime());
      expect(read?.updatedAt.getTime()).toBe(LONG_AGO.getTime());
    });

    test('emails are stored lower-cased and found whatever their case', async (db) => {
      const user = await db.createUser({ email: 'Ada.Lovelace@Example.COM' });
      expect(user.email).toBe('ada.lovelace@example.com');
      expect((await db.getUserByEmail('ADA.LOVELACE@example.com'))?.id).toBe(user.id);
      expect((await db.getUserByEmail('ada.lovelace@example.com'))?.email).toBe('ada.lovelace@example.com');
    });

    test('a second user with the same email in another case is refused with UniqueConstraintError', async (db) => {
      await db.createUser({ email: 'grace@example.com' });
      await expectUniqueViolation(db.createUser({ email: 'Grace@Example.com' }), 'user', ['email']);
      expect((await db.listUsers()).total).toBe(1);
    });

    test('of ten concurrent createUser calls with one email exactly one succeeds', async (db) => {
      const attempts = Array.from({ length: 10 }, (_, i) => db.createUser({ email: i % 2 ? 'RACE@example.com' : 'race@example.com' }));
      const winner = await expectExactlyOneWinner(attempts, 'user', ['email']);
      expect((await db.getUserByEmail('race@example.com'))?.id).toBe(winner.id);
      expect((await db.listUsers()).total).toBe(1);
    });

    test('users without an email or username do not collide with each other', async (db) => {
      const first = await db.createUser({ email: null, name: 'Anonymous 1' });
      const second = await db.createUser({ email: null, name: 'Anonymous 2' });
      expect(first.id).not.toBe(second.id);
      expect((await db.listUsers()).total).toBe(2);
    });

    test('usernames are unique, also under concurrent creates, and findUserBy("username") finds them', async (db) => {
      const ada = await seedUser(db, { username: 'ada', displayUsername: 'Ada' });
      expect((await db.findUserBy('username', 'ada'))).toMatchObject({ id: ada.id, displayUsername: 'Ada' });
      await expectUniqueViolation(seedUser(db, { username: 'ada' }), 'user', ['username']);
      const attempts = Array.from({ length: 5 }, () => seedUser(db, { username: 'grace' }));
      const winner = await expectExactlyOneWinner(attempts, 'user', ['username']);
      expect((await db.findUserBy('username', 'grace'))?.id).toBe(winner.id);
    });

    test('findUserBy looks users up by any unique field: email in any case, username exactly', async (db) => {
      const ada = await seedUser(db, { email: 'Find.Me@example.com', username: 'finder' });
      expect((await db.findUserBy('email', 'FIND.ME@EXAMPLE.COM'))?.id).toBe(ada.id);
      expect((await db.findUserBy('username', 'finder'))?.id).toBe(ada.id);
      expect(await db.findUserBy('username', 'Finder-not')).toBeNull();
      expect(await db.findUserBy('email', 'finder')).toBeNull();
    });

    test('lookups of an unknown id, email or username return null', async (db) => {
      await seedUser(db, { username: 'someone' });
      expect(await db.getUserById('no-such-id')).toBeNull();
      expect(await db.getUserByEmail('nobody@example.com')).toBeNull();
      expect(await db.findUserBy('username', 'nobody')).toBeNull();
    });

    test('updateUser changes the given fields, keeps createdAt and moves updatedAt forward', async (db) => {
      const user = await seedUser(db, { name: 'Before', createdAt: LONG_AGO, updatedAt: LONG_AGO });
      const updated = await db.updateUser(user.id, { name: 'After', emailVerified: true, plan: 'team', metadata: { step: 2 } });
      expect(updated).toMatchObject({ id: user.id, email: user.email, name: 'After', emailVerified: true, plan: 'team', metadata: { step: 2 } });
      const read = await db.getUserById(user.id);
      expect(read).toMatchObject({ name: 'After', emailVerified: true, plan: 'team', metadata: { step: 2 } });
      expect(read?.createdAt.getTime()).toBe(LONG_AGO.getTime());
      expectRecent(read?.updatedAt);
    });

    test('updateUser returns null for an unknown id', async (db) => {
      expect(await db.updateUser('no-such-id', { name: 'Nobody' })).toBeNull();
    });

    test('updateUser stores a new email lower-cased and frees the old one', async (db) => {
      const user = await seedUser(db, { email: 'old@example.com' });
      const updated = await db.updateUser(user.id, { email: 'New@Example.com' });
      expect(updated?.email).toBe('new@example.com');
      expect((await db.getUserByEmail('NEW@example.com'))?.id).toBe(user.id);
      expect(await db.getUserByEmail('old@example.com')).toBeNull();
      const other = await db.createUser({ email: 'old@example.com' });
      expect((await db.getUserByEmail('old@example.com'))?.id).toBe(other.id);
    });

    test('updateUser refuses an email or username another user holds and leaves the user unchanged', async (db) => {
      await seedUser(db, { email: 'taken@example.com', username: 'taken' });
      const user = await seedUser(db, { email: 'mine@example.com', username: 'mine' });
      await expectUniqueViolation(db.updateUser(user.id, { email: 'TAKEN@example.com', name: 'Changed' }), 'user', ['email']);
      await expectUniqueViolation(db.updateUser(user.id, { username: 'taken' }), 'user', ['username']);
      expect(await db.getUserById(user.id)).toMatchObject({ email: 'mine@example.com', username: 'mine', name: 'Test User' });
      expect((await db.getUserByEmail('mine@example.com'))?.id).toBe(user.id);
    });

    test('deleteUser removes the user with its sessions, accounts, memberships and sent invitations', async (db) => {
      const [doomed, survivor] = [await seedUser(db), await seedUser(db)];
      const org = await seedOrganization(db);
      const doomedSession = await seedSession(db, doomed.id);
      const survivorSession = await seedSession(db, survivor.id);
      await db.createAccount({ userId: doomed.id, providerId: 'credential', accountId: doomed.id });
      await db.createAccount({ userId: survivor.id, providerId: 'credential', accountId: survivor.id });
      const doomedMembership = await seedMember(db, org.id, doomed.id, 'owner');
      await seedMember(db, org.id, survivor.id);
      const sent = await seedInvitation(db, org.id, doomed.id);
      const kept = await seedInvitation(db, org.id, survivor.id);

      expect(await db.deleteUser(doomed.id)).toBe(true);

      expect(await db.getUserById(doomed.id)).toBeNull();
      expect(await db.getUserByEmail(doomed.email!)).toBeNull();
      expect(await db.getSessionByToken(doomedSession.token)).toBeNull();
      expect(await db.listSessionsForUser(doomed.id)).toEqual([]);
      expect(await db.listAccountsForUser(doomed.id)).toEqual([]);
      expect(await db.getAccountByProvider('credential', doomed.id)).toBeNull();
      expect(await db.getMemberById(doomedMembership.id)).toBeNull();
      expect(await db.listOrganizationsForUser(doomed.id)).toEqual([]);
      expect(await db.getInvitationById(sent.id)).toBeNull();
      // Nothing of the other user goes with it.
      expect(await db.getSessionByToken(survivorSession.token)).not.toBeNull();
      expect(await db.listAccountsForUser(survivor.id)).toHaveLength(1);
      expect(await db.countMembers(org.id)).toBe(1);
      expect(await db.getInvitationById(kept.id)).not.toBeNull();
    });

    test('deleteUser returns false for an unknown id and for a second delete', async (db) => {
      const user = await seedUser(db);
      expect(await db.deleteUser('no-such-id')).toBe(false);
      expect(await db.deleteUser(user.id)).toBe(true);
      expect(await db.deleteUser(user.id)).toBe(false);
    });
  });
}
