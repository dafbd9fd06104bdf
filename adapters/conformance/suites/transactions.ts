/// <reference types="jest" />
import { UniqueConstraintError } from '../../errors';
import { seedSession, seedUser } from '../fixtures';
import { minutesFromNow, type ConformanceTest } from '../harness';

/** transaction(fn): all of fn's writes land, or — when fn throws — none do. */
export function describeTransactionConformance(test: ConformanceTest): void {
  describe('transactions', () => {
    test('transaction commits every write when the callback resolves and returns its result', async (db) => {
      const result = await db.transaction(async (tx) => {
        const user = await tx.createUser({ email: 'tx@example.com' });
        await tx.createAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: 'salt:key' });
        return user.id;
      });
      expect((await db.getUserByEmail('tx@example.com'))?.id).toBe(result);
      expect(await db.getAccountByProvider('credential', result)).toMatchObject({ password: 'salt:key' });
    });

    test('writes inside a transaction are visible to reads through the transaction', async (db) => {
      await db.transaction(async (tx) => {
        const user = await tx.createUser({ email: 'inside@example.com' });
        expect((await tx.getUserByEmail('inside@example.com'))?.id).toBe(user.id);
        await tx.updateUser(user.id, { name: 'Updated inside' });
        expect(await tx.getUserById(user.id)).toMatchObject({ name: 'Updated inside' });
      });
      expect(await db.getUserByEmail('inside@example.com')).toMatchObject({ name: 'Updated inside' });
    });

    test('a throw inside transaction rolls back every created row and rethrows the same error', async (db) => {
      const failure = new Error('boom');
      const attempt = db.transaction(async (tx) => {
        const user = await tx.createUser({ email: 'ghost@example.com', username: 'ghost' });
        await tx.createSession({ token: 'ghost-token', userId: user.id, expiresAt: minutesFromNow(60) });
        await tx.createAccount({ userId: user.id, providerId: 'credential', accountId: user.id });
        const org = await tx.createOrganization({ name: 'Ghost Org', slug: 'ghost-org' });
        await tx.createMember({ organizationId: org.id, userId: user.id, role: 'owner' });
        await tx.createVerification({ identifier: 'ghost-verify', value: 'v', expiresAt: minutesFromNow(10) });
        throw failure;
      });
      await expect(attempt).rejects.toBe(failure);
      expect(await db.getUserByEmail('ghost@example.com')).toBeNull();
      expect(await db.findUserBy('username', 'ghost')).toBeNull();
      expect(await db.getSessionByToken('ghost-token')).toBeNull();
      expect(await db.getOrganizationBySlug('ghost-org')).toBeNull();
      expect(await db.getVerificationByIdentifier('ghost-verify')).toBeNull();
      expect((await db.listUsers()).total).toBe(0);
    });

    test('a throw inside transaction restores the rows it updated and deleted', async (db) => {
      const ada = await seedUser(db, { email: 'ada@example.com', name: 'Ada', plan: 'pro' });
      const grace = await seedUser(db, { email: 'grace@example.com', name: 'Grace' });
      const graceSession = await seedSession(db, grace.id, { token: 'grace-token' });
      await db.createVerification({ identifier: 'keep-me', value: 'v', expiresAt: minutesFromNow(10) });
      const attempt = db.transaction(async (tx) => {
        await tx.updateUser(ada.id, { email: 'ada.new@example.com', name: 'Changed', plan: 'free' });
        await tx.deleteUser(grace.id); // cascades to grace's session
        await tx.consumeVerification('keep-me');
        throw new Error('undo all of it');
      });
      await expect(attempt).rejects.toThrow('undo all of it');
      expect(await db.getUserById(ada.id)).toMatchObject({ email: 'ada@example.com', name: 'Ada', plan: 'pro' });
      expect((await db.getUserByEmail('ada@example.com'))?.id).toBe(ada.id);
      expect(await db.getUserByEmail('ada.new@example.com')).toBeNull();
      expect(await db.getUserById(grace.id)).toMatchObject({ email: 'grace@example.com', name: 'Grace' });
      expect((await db.getSessionByToken('grace-token'))?.id).toBe(graceSession.id);
      expect((await db.getSessionWithUser('grace-token'))?.user.id).toBe(grace.id);
      expect(await db.getVerificationByIdentifier('keep-me')).toMatchObject({ value: 'v' });
    });

    test('a unique violation inside transaction rolls back the writes made before it', async (db) => {
      await seedUser(db, { email: 'taken@example.com' });
      const attempt = db.transaction(async (tx) => {
        await tx.createUser({ email: 'first@example.com' });
        await tx.createUser({ email: 'TAKEN@example.com' });
      });
      await expect(attempt).rejects.toBeInstanceOf(UniqueConstraintError);
      expect(await db.getUserByEmail('first@example.com')).toBeNull();
      expect((await db.listUsers()).total).toBe(1);
    });

    test('unique values a rolled-back transaction wrote are free again afterwards', async (db) => {
      await expect(
        db.transaction(async (tx) => {
          await tx.createUser({ email: 'again@example.com', username: 'again' });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      const user = await db.createUser({ email: 'again@example.com', username: 'again' });
      expect((await db.findUserBy('username', 'again'))?.id).toBe(user.id);
    });
  });
}
