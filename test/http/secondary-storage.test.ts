import { randomBytes } from 'node:crypto';
import { BetterAuth, CachedSessionStore, DatabaseSessionStore, MemorySecondaryStorage, type SecondaryStorage } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { RedisSecondaryStorage } from 'better-auth-entities/redis';
import { appEntities } from '../../examples/entities';
import { call, ORIGIN, signUp, TEST_SECRET } from '../support/test-auth';

/** The example's memory adapter, counting the session lookups that reach it. */
class CountingAdapter extends MemoryDatabaseAdapter<any, any, any, any, any, any, any> {
  lookups = 0;
  override async getSessionWithUser(token: string) {
    this.lookups += 1;
    return super.getSessionWithUser(token);
  }
}

function authWith(storage: SecondaryStorage) {
  const database = new CountingAdapter(appEntities);
  const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, secondaryStorage: storage, logger: { error: () => undefined, warn: () => undefined } })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .build();
  return { auth, database };
}

describe('sessions in a secondary storage', () => {
  it('serves repeated lookups from the storage, and a sign-out is refused at once', async () => {
    const { auth, database } = authWith(new MemorySecondaryStorage());
    const { cookie, user } = await signUp(auth.handler);
    const before = database.lookups;
    for (let i = 0; i < 5; i++) expect((await call(auth.handler, 'GET', '/get-session', { cookie })).json.user.id).toBe(user.id);
    expect(database.lookups - before).toBe(1);
    expect((await call(auth.handler, 'POST', '/sign-out', { cookie, body: {} })).status).toBe(200);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie })).json).toBeNull();
  });

  it('a changed user is read again; a cached session keeps its dates as dates', async () => {
    const { auth } = authWith(new MemorySecondaryStorage());
    const { cookie } = await signUp(auth.handler);
    await call(auth.handler, 'GET', '/get-session', { cookie });
    expect((await call(auth.handler, 'POST', '/update-user', { cookie, body: { name: 'Changed' } })).status).toBe(200);
    const after = await call(auth.handler, 'GET', '/get-session', { cookie });
    expect(after.json.user.name).toBe('Changed');
    const active = await auth.api.getSession({ headers: { cookie } });
    expect(active?.session.expiresAt).toBeInstanceOf(Date);
    expect(active?.user.createdAt).toBeInstanceOf(Date);
  });

  it('a lookup that read the row before a revocation cannot leave a usable entry behind', async () => {
    const adapter = new MemoryDatabaseAdapter(appEntities);
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(adapter).plugin(new EmailPasswordPlugin()).build();
    const { token } = await auth.api.signUpEmail({ email: `race-${randomBytes(3).toString('hex')}@example.com`, password: 'correct horse battery staple', name: 'R' });
    const digest = (await import('better-auth-entities')).digestToken(token!);
    const row = (await adapter.getSessionWithUser(digest))!;

    // The database side of a lookup pauses after reading the row; a revocation runs to its end meanwhile.
    let resume!: () => void;
    let readDone!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    const rowRead = new Promise<void>((resolve) => (readDone = resolve));
    const database = new DatabaseSessionStore(adapter);
    const slowRead = Object.assign(Object.create(database), {
      findWithUser: async (value: string) => {
        const found = await database.findWithUser(value);
        readDone();
        await paused;
        return found;
      },
    });
    const storage = new MemorySecondaryStorage();
    const store = new CachedSessionStore(slowRead, storage, adapter.models, { error: () => undefined, warn: () => undefined }, { revocationTtlSeconds: 86_400 });
    const lookup = store.findWithUser(digest);
    await rowRead;
    await store.delete(row.session.id);
    resume();
    expect(await lookup).not.toBeNull(); // it read the row before the delete…
    expect(await store.findWithUser(digest)).toBeNull(); // …but what it cached is marked revoked
    expect(await storage.get(`t:${digest}`)).toBe('1');
  });
});

describe('RedisSecondaryStorage on the real Redis', () => {
  const prefix = `test-${randomBytes(4).toString('hex')}:`;
  const storage = new RedisSecondaryStorage({ url: `redis://127.0.0.1:${process.env.TEST_REDIS_PORT ?? 6379}`, keyPrefix: prefix });
  // The storage fails commands at once while not connected (no offline queue), so the test starts once the
  // connection is up: on a busy machine the first command could otherwise beat the connect.
  beforeAll(() => new Promise<void>((resolve) => (storage.client.status === 'ready' ? resolve() : storage.client.once('ready', () => resolve()))));
  afterAll(() => storage.close());

  it('gets, sets with a TTL in seconds, deletes, reads many at once and counts atomically', async () => {
    await storage.set('a', 'one', 60);
    await storage.set('b', 'two');
    expect(await storage.get('a')).toBe('one');
    expect(await storage.getMany(['a', 'missing', 'b'])).toEqual(['one', null, 'two']);
    expect(await storage.client.ttl(`${prefix}a`)).toBeGreaterThan(55);
    await storage.delete('a');
    expect(await storage.get('a')).toBeNull();
    const counts = await Promise.all(Array.from({ length: 20 }, () => storage.increment('counter', 30)));
    expect(counts.map((count) => count.value).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(counts.every((count) => count.ttlSeconds > 0 && count.ttlSeconds <= 30)).toBe(true);
    await storage.delete('b');
    await storage.delete('counter');
  });

  it('a URL that cannot be reached fails commands fast instead of queueing them', async () => {
    const away = new RedisSecondaryStorage({ url: 'redis://127.0.0.1:9', redisOptions: { retryStrategy: () => null } });
    const started = Date.now();
    await expect(away.get('x')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
    await away.close();
  });
});
