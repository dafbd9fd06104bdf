import { randomBytes } from 'node:crypto';
import { MemorySecondaryStorage } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { StorageSessionStore } from '../../src/plugins/secondary-storage/storage-session-store';

/*
 * Revoke-all on sessions kept only in the secondary storage is a per-user "revoked up to" time in
 * milliseconds. These cases pin the clock so that a sign-in and a revoke-all fall in one millisecond.
 */
const NOW = Date.UTC(2030, 0, 1, 12, 0, 0, 0);

let clock: jest.SpyInstance<number, []>;
beforeEach(() => (clock = jest.spyOn(Date, 'now').mockReturnValue(NOW)));
afterEach(() => clock.mockRestore());

async function setup() {
  const db = new MemoryDatabaseAdapter();
  const storage = new MemorySecondaryStorage();
  const store = new StorageSessionStore(storage, db, { revocationTtlSeconds: 86_400 });
  const user = await db.createUser({ email: `same-ms-${randomBytes(3).toString('hex')}@example.com`, name: 'Same', emailVerified: false });
  const userId = db.models.user.read(user, 'id');
  const open = async () => {
    const digest = randomBytes(32).toString('base64url');
    const session = await store.create({ token: digest, userId, expiresAt: new Date(NOW + 3_600_000), createdAt: new Date(NOW), updatedAt: new Date(NOW) });
    return { digest, id: String((session as { id: string }).id) };
  };
  return { store, storage, userId, open };
}

describe('revoke-all on sessions only in the secondary storage, within one millisecond', () => {
  it('refuses a session created in the same millisecond before it, even one the per-user list missed', async () => {
    const { store, storage, userId, open } = await setup();
    const session = await open();
    await storage.delete(`active-sessions:${userId}`); // as if a racing sign-in had dropped it from the list
    await store.deleteForUser(userId);
    expect(await store.findWithUser(session.digest)).toBeNull();
    expect(await store.listForUser(userId)).toEqual([]);
  });

  it('keeps a session created in the same millisecond after it (the new session of a password change)', async () => {
    const { store, userId, open } = await setup();
    await open();
    await store.deleteForUser(userId);
    const after = await open();
    expect(await store.findWithUser(after.digest)).not.toBeNull();
    expect(await store.listForUser(userId)).toHaveLength(1);
  });

  it('keeps the one session it was told to spare, and ends the others of the same millisecond', async () => {
    const { store, userId, open } = await setup();
    const kept = await open();
    const other = await open();
    expect(await store.deleteForUser(userId, { exceptSessionId: kept.id })).toBe(1);
    expect(await store.findWithUser(kept.digest)).not.toBeNull();
    expect(await store.findWithUser(other.digest)).toBeNull();
  });
});
