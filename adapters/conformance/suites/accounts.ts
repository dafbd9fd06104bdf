/// <reference types="jest" />
import { ConformanceAccount } from '../conformance-entities';
import { seedUser } from '../fixtures';
import { expectExactlyOneWinner, expectRecent, expectUniqueViolation, idsOf, LONG_AGO, minutesFromNow, type ConformanceTest } from '../harness';

/** Accounts: credential and OAuth accounts, unique per provider + account id. */
export function describeAccountConformance(test: ConformanceTest): void {
  describe('accounts', () => {
    test('createAccount stores a credential account that getAccountByProvider finds', async (db) => {
      const user = await seedUser(db);
      const created = await db.createAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: 'salt:key' });
      expect(created).toMatchObject({ userId: user.id, providerId: 'credential', accountId: user.id, password: 'salt:key' });
      expect(created).toMatchObject({ accessToken: null, refreshToken: null, idToken: null, scope: null });
      expectRecent(created.createdAt);
      expectRecent(created.updatedAt);
      const read = await db.getAccountByProvider('credential', user.id);
      expect(read).toBeInstanceOf(ConformanceAccount);
      expect(read).toMatchObject({ id: created.id, password: 'salt:key' });
    });

    test('getAccountByProvider returns null for an unknown provider or account id', async (db) => {
      const user = await seedUser(db);
      await db.createAccount({ userId: user.id, providerId: 'github', accountId: '42' });
      expect(await db.getAccountByProvider('github', '43')).toBeNull();
      expect(await db.getAccountByProvider('google', '42')).toBeNull();
    });

    test('provider plus account id is unique, while one account id under two providers is fine', async (db) => {
      const user = await seedUser(db);
      await db.createAccount({ userId: user.id, providerId: 'github', accountId: '42' });
      await expectUniqueViolation(db.createAccount({ userId: user.id, providerId: 'github', accountId: '42' }), 'account', ['providerId', 'accountId']);
      const google = await db.createAccount({ userId: user.id, providerId: 'google', accountId: '42' });
      expect((await db.getAccountByProvider('google', '42'))?.id).toBe(google.id);
    });

    test('of concurrent createAccount calls for one provider account exactly one succeeds', async (db) => {
      const user = await seedUser(db);
      const attempts = Array.from({ length: 10 }, () => db.createAccount({ userId: user.id, providerId: 'github', accountId: '7' }));
      const winner = await expectExactlyOneWinner(attempts, 'account', ['providerId', 'accountId']);
      expect(idsOf(await db.listAccountsForUser(user.id))).toEqual([winner.id]);
    });

    test('listAccountsForUser returns only that user\'s accounts', async (db) => {
      const [ada, grace] = [await seedUser(db), await seedUser(db)];
      const mine = [
        await db.createAccount({ userId: ada.id, providerId: 'credential', accountId: ada.id }),
        await db.createAccount({ userId: ada.id, providerId: 'github', accountId: '1' }),
      ];
      await db.createAccount({ userId: grace.id, providerId: 'github', accountId: '2' });
      const listed = await db.listAccountsForUser(ada.id);
      expect(idsOf(listed)).toEqual(idsOf(mine));
      expect(listed.every((account) => account instanceof ConformanceAccount)).toBe(true);
      expect(await db.listAccountsForUser('no-such-user')).toEqual([]);
    });

    test('updateAccount changes tokens and moves updatedAt forward; an unknown id returns null', async (db) => {
      const user = await seedUser(db);
      const account = await db.createAccount({ userId: user.id, providerId: 'github', accountId: '9', updatedAt: LONG_AGO });
      const expires = minutesFromNow(60);
      const updated = await db.updateAccount(account.id, { accessToken: 'at-2', accessTokenExpiresAt: expires, scope: 'read:user' });
      expect(updated).toMatchObject({ id: account.id, accessToken: 'at-2', scope: 'read:user' });
      const read = await db.getAccountByProvider('github', '9');
      expect(read?.accessTokenExpiresAt?.getTime()).toBe(expires.getTime());
      expectRecent(read?.updatedAt);
      expect(await db.updateAccount('no-such-id', { scope: 'x' })).toBeNull();
    });

    test('updateAccount refuses a provider account another account holds', async (db) => {
      const user = await seedUser(db);
      await db.createAccount({ userId: user.id, providerId: 'github', accountId: '1' });
      const other = await db.createAccount({ userId: user.id, providerId: 'github', accountId: '2' });
      await expectUniqueViolation(db.updateAccount(other.id, { accountId: '1' }), 'account', ['providerId', 'accountId']);
      expect((await db.getAccountByProvider('github', '2'))?.id).toBe(other.id);
    });

    test('deleteAccount removes the account and reports whether it existed', async (db) => {
      const user = await seedUser(db);
      const account = await db.createAccount({ userId: user.id, providerId: 'github', accountId: '5' });
      expect(await db.deleteAccount(account.id)).toBe(true);
      expect(await db.deleteAccount(account.id)).toBe(false);
      expect(await db.getAccountByProvider('github', '5')).toBeNull();
      expect(await db.listAccountsForUser(user.id)).toEqual([]);
    });
  });
}
