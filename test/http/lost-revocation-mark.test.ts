import { randomBytes } from 'node:crypto';
import { CachedSessionStore, DatabaseSessionStore, MemorySecondaryStorage, type SecondaryStorage } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { appEntities } from '../../examples/entities';

/*
 * Two processes' session caches over one storage and one database, where the revoking process's revocation
 * mark never reaches the storage (it lost Redis, or died with the mark unsent). The database row is gone all
 * the same; the other process must stop serving its cached copy within `recheckAfterMs`.
 */
const RECHECK_AFTER_MS = 1_000;
const quiet = { error: () => undefined, warn: () => undefined };

/** The shared storage as one process sees it: `away` makes every call fail, as a cut connection would. */
class Reach implements SecondaryStorage {
  away = false;
  constructor(private readonly shared: SecondaryStorage) {}
  private check(): void {
    if (this.away) throw new Error('connection refused');
  }
  async get(key: string) { this.check(); return this.shared.get(key); }
  async getMany(keys: readonly string[]) { this.check(); return this.shared.getMany(keys); }
  async set(key: string, value: string, ttl?: number) { this.check(); return this.shared.set(key, value, ttl); }
  async delete(key: string) { this.check(); return this.shared.delete(key); }
  async take(key: string) { this.check(); return this.shared.take(key); }
  async increment(key: string, ttl: number) { this.check(); return this.shared.increment(key, ttl); }
}

let now = Date.UTC(2030, 0, 1);
let clock: jest.SpyInstance<number, []>;
beforeEach(() => (clock = jest.spyOn(Date, 'now').mockImplementation(() => now)));
afterEach(() => clock.mockRestore());

async function twoProcesses() {
  const adapter = new MemoryDatabaseAdapter(appEntities);
  const shared = new MemorySecondaryStorage();
  const [reachA, reachB] = [new Reach(shared), new Reach(shared)];
  const options = { revocationTtlSeconds: 86_400, recheckAfterMs: RECHECK_AFTER_MS };
  const store = (reach: Reach) => new CachedSessionStore(new DatabaseSessionStore(adapter), reach, adapter.models, quiet, options);
  const [a, b] = [store(reachA), store(reachB)];
  const user = await adapter.createUser({ email: `lost-${randomBytes(3).toString('hex')}@example.com`, name: 'Lost', emailVerified: false });
  const digest = randomBytes(32).toString('base64url');
  const session = await a.create({ token: digest, userId: adapter.models.user.read(user, 'id'), expiresAt: new Date(now + 86_400_000) });
  const id = (session as { id: string }).id;
  return { a, b, reachA, reachB, digest, id, close: () => [a, b].forEach((s) => s.close()) };
}

describe('a revocation whose mark never reached the storage', () => {
  it('is refused by another process once its cached copy is recheckAfter old', async () => {
    const { a, b, reachA, digest, id, close } = await twoProcesses();
    expect(await b.findWithUser(digest)).not.toBeNull(); // B reads the database and caches the session
    reachA.away = true;
    await a.delete(id); // the row goes; the mark stays in A's memory
    expect(await a.findWithUser(digest)).toBeNull();
    now += RECHECK_AFTER_MS - 1;
    expect(await b.findWithUser(digest)).not.toBeNull(); // within the bound B may still serve its copy…
    now += 1;
    expect(await b.findWithUser(digest)).toBeNull(); // …and not a millisecond past it
    close();
  });

  it('is refused at once by a process that was cut off too, as soon as it reads the storage again', async () => {
    const { a, b, reachA, reachB, digest, id, close } = await twoProcesses();
    expect(await b.findWithUser(digest)).not.toBeNull();
    reachA.away = true;
    reachB.away = true;
    await a.delete(id);
    expect(await b.findWithUser(digest)).toBeNull(); // B reads the database while the storage is away
    reachB.away = false; // the storage is back for B; A (or its mark) is not
    expect(await b.findWithUser(digest)).toBeNull(); // the copy B made before the outage is not trusted
    close();
  });
});
