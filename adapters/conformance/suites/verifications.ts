/// <reference types="jest" />
import { ConformanceVerification } from '../conformance-entities';
import { expectRecent, minutesFromNow, type ConformanceTest } from '../harness';

/** Verifications: single-use tokens for email verification, password reset and the like. */
export function describeVerificationConformance(test: ConformanceTest): void {
  describe('verifications', () => {
    test('createVerification fills in the id and timestamps and keeps the value', async (db) => {
      const expiresAt = minutesFromNow(15);
      const created = await db.createVerification({ identifier: 'reset:ada', value: 'user-1', expiresAt });
      expect(created).toBeInstanceOf(ConformanceVerification);
      expect(created).toMatchObject({ identifier: 'reset:ada', value: 'user-1' });
      expect(typeof created.id).toBe('string');
      expect(created.expiresAt.getTime()).toBe(expiresAt.getTime());
      expectRecent(created.createdAt);
      expectRecent(created.updatedAt);
    });

    test('getVerificationByIdentifier returns the newest record, expired or not', async (db) => {
      await db.createVerification({ identifier: 'otp:ada', value: 'old', expiresAt: minutesFromNow(10), createdAt: minutesFromNow(-10) });
      await db.createVerification({ identifier: 'otp:ada', value: 'new', expiresAt: minutesFromNow(-1), createdAt: minutesFromNow(-2) });
      await db.createVerification({ identifier: 'otp:grace', value: 'other', expiresAt: minutesFromNow(10) });
      expect(await db.getVerificationByIdentifier('otp:ada')).toMatchObject({ value: 'new' });
      // Reading does not consume.
      expect(await db.getVerificationByIdentifier('otp:ada')).toMatchObject({ value: 'new' });
    });

    test('getVerificationByIdentifier and consumeVerification return null for an unknown identifier', async (db) => {
      await db.createVerification({ identifier: 'known', value: 'v', expiresAt: minutesFromNow(10) });
      expect(await db.getVerificationByIdentifier('unknown')).toBeNull();
      expect(await db.consumeVerification('unknown')).toBeNull();
      expect(await db.getVerificationByIdentifier('known')).not.toBeNull();
    });

    test('consumeVerification returns the newest live record and deletes every record with its identifier', async (db) => {
      await db.createVerification({ identifier: 'verify:ada', value: 'first', expiresAt: minutesFromNow(10), createdAt: minutesFromNow(-5) });
      await db.createVerification({ identifier: 'verify:ada', value: 'second', expiresAt: minutesFromNow(10), createdAt: minutesFromNow(-1) });
      const other = await db.createVerification({ identifier: 'verify:grace', value: 'g', expiresAt: minutesFromNow(10) });
      const consumed = await db.consumeVerification('verify:ada');
      expect(consumed).toBeInstanceOf(ConformanceVerification);
      expect(consumed).toMatchObject({ value: 'second' });
      expect(await db.getVerificationByIdentifier('verify:ada')).toBeNull();
      expect(await db.consumeVerification('verify:ada')).toBeNull();
      expect((await db.getVerificationByIdentifier('verify:grace'))?.id).toBe(other.id);
    });

    test('consumeVerification of an expired record returns null and still deletes it', async (db) => {
      await db.createVerification({ identifier: 'stale', value: 'v', expiresAt: minutesFromNow(-1) });
      expect(await db.consumeVerification('stale')).toBeNull();
      expect(await db.getVerificationByIdentifier('stale')).toBeNull();
    });

    test('consumeVerification judges expiry by the `now` it is given', async (db) => {
      await db.createVerification({ identifier: 'timed', value: 'v', expiresAt: minutesFromNow(10) });
      expect(await db.consumeVerification('timed', minutesFromNow(20))).toBeNull();
      await db.createVerification({ identifier: 'timed', value: 'w', expiresAt: minutesFromNow(10) });
      expect(await db.consumeVerification('timed', minutesFromNow(5))).toMatchObject({ value: 'w' });
    });

    test('consumeVerification hands a record to exactly one of 20 concurrent callers', async (db) => {
      await db.createVerification({ identifier: 'magic-link', value: 'once', expiresAt: minutesFromNow(10) });
      const results = await Promise.all(Array.from({ length: 20 }, () => db.consumeVerification('magic-link')));
      expect(results.filter((result) => result !== null)).toHaveLength(1);
      expect(results.find((result) => result !== null)).toMatchObject({ value: 'once' });
      expect(await db.getVerificationByIdentifier('magic-link')).toBeNull();
    });

    test('deleteVerification removes one record and reports whether it existed', async (db) => {
      const record = await db.createVerification({ identifier: 'delete-me', value: 'v', expiresAt: minutesFromNow(10) });
      expect(await db.deleteVerification(record.id)).toBe(true);
      expect(await db.deleteVerification(record.id)).toBe(false);
      expect(await db.getVerificationByIdentifier('delete-me')).toBeNull();
    });

    test('deleteExpiredVerifications removes only expired records and returns the count', async (db) => {
      await db.createVerification({ identifier: 'a', value: 'v', expiresAt: minutesFromNow(-10) });
      await db.createVerification({ identifier: 'b', value: 'v', expiresAt: minutesFromNow(-1) });
      await db.createVerification({ identifier: 'c', value: 'v', expiresAt: minutesFromNow(30) });
      await db.createVerification({ identifier: 'd', value: 'v', expiresAt: minutesFromNow(90) });
      expect(await db.deleteExpiredVerifications()).toBe(2);
      expect(await db.getVerificationByIdentifier('a')).toBeNull();
      expect(await db.getVerificationByIdentifier('b')).toBeNull();
      expect(await db.deleteExpiredVerifications(minutesFromNow(60))).toBe(1);
      expect(await db.getVerificationByIdentifier('c')).toBeNull();
      expect(await db.getVerificationByIdentifier('d')).not.toBeNull();
    });
  });
}
