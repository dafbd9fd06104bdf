import { BetterAuth, ConfigError, getAuthSchema, schemaSql, type RateLimitOptions } from 'better-auth-entities';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import { DatabaseRateLimitStore, EmailPasswordPlugin, rateLimitModel } from 'better-auth-entities/plugins';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { call, ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/*
 * `rateLimit.storage: 'database'`: counters in a `rateLimit` plugin table, counted with conditional updates
 * so concurrent hits, from one process or several, are counted exactly.
 */
function authOn(database: DatabaseAdapter, rateLimit: RateLimitOptions = { enabled: true, storage: 'database' }) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, trustProxyHeaders: true, rateLimit }).database(database).plugin(new EmailPasswordPlugin()).build();
}

const tableNames = (auth: ReturnType<typeof authOn>) => getAuthSchema(auth).tables.map((table) => table.name);

async function expectLimitedThroughTheTable(auth: ReturnType<typeof authOn>): Promise<void> {
  const email = uniqueEmail('limited');
  const headers = { 'x-forwarded-for': '203.0.113.9' };
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD }, headers })).status);
  expect(statuses).toEqual([401, 401, 401, 429]);
  const rows = await auth.context.records(rateLimitModel).findMany({});
  const keys = rows.map((row) => row.key as string);
  expect(keys.some((key) => key.includes('client:203.0.113.9'))).toBe(true);
  expect(keys.some((key) => key.includes(`target:email:${email}`))).toBe(true);
  expect(rows.every((row) => row.count === 4 && typeof row.lastRequest === 'number')).toBe(true);
}

describe('rate-limit counters in the database', () => {
  it('the rateLimit table joins the schema only when the database holds the counters', () => {
    expect(tableNames(authOn(new MemoryDatabaseAdapter()))).toContain('rate_limit');
    expect(tableNames(authOn(new MemoryDatabaseAdapter(), { enabled: true }))).not.toContain('rate_limit');
    expect(tableNames(authOn(new MemoryDatabaseAdapter(), { enabled: false, storage: 'database' }))).not.toContain('rate_limit');
    expect(schemaSql(getAuthSchema(authOn(new MemoryDatabaseAdapter())), 'postgres')).toMatch(/CREATE TABLE IF NOT EXISTS "rate_limit"[^;]*"last_request" DOUBLE PRECISION NOT NULL[^;]*UNIQUE \("key"\)/);
  });

  it("'secondary-storage' without a secondary storage is refused when the instance is built", () => {
    expect(() => authOn(new MemoryDatabaseAdapter(), { enabled: true, storage: 'secondary-storage' })).toThrow(ConfigError);
  });

  it('on the memory adapter: limits sign-ins per client and per account, counting in the table', async () => {
    await expectLimitedThroughTheTable(authOn(new MemoryDatabaseAdapter()));
  });

  it('on the memory adapter: 200 concurrent hits on one key count 1..200 exactly; a window that ended starts again', async () => {
    const auth = authOn(new MemoryDatabaseAdapter());
    let now = 1_000_000;
    const store = new DatabaseRateLimitStore(() => auth.context.records(rateLimitModel), () => now);
    const counts = await Promise.all(Array.from({ length: 200 }, () => store.hit('k', 10)));
    expect(counts.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    now += 4_000;
    expect(await store.hit('k', 10)).toEqual({ count: 201, resetInSeconds: 6 });
    now += 6_000;
    expect(await store.hit('k', 10)).toEqual({ count: 1, resetInSeconds: 10 });
    expect(await auth.context.records(rateLimitModel).count({ key: 'k' })).toBe(1);
  });

  it('sweeps, in the background and at most once a minute, rows whose window ended longer ago than any window', async () => {
    const auth = authOn(new MemoryDatabaseAdapter());
    let now = 5_000_000;
    const store = new DatabaseRateLimitStore(() => auth.context.records(rateLimitModel), () => now);
    const table = auth.context.records(rateLimitModel);
    const hitAndSweep = async (key: string, windowSeconds: number) => {
      const hit = store.hit(key, windowSeconds);
      const sweep = store.sweeping; // started by this hit, or null
      await hit;
      return sweep;
    };
    await store.hit('short', 10);
    await store.hit('long', 60);
    now += 30_000;
    expect(await hitAndSweep('recent', 10)).toBeNull(); // less than a minute since the store started
    now += 29_000; // 'short' ended 49 s ago, but a 60 s window is counted: nothing is old enough yet
    expect(await hitAndSweep('other', 10)).toBeNull(); // and no sweep within the minute anyway
    now += 2_000; // 61 s: 'short' and 'long' started more than 60 s ago; 'recent' and 'other' did not
    expect(await hitAndSweep('recent', 10)).toBe(2);
    expect((await table.findMany({})).map((row) => row.key).sort()).toEqual(['other', 'recent']);
    expect(await hitAndSweep('recent', 10)).toBeNull(); // the next sweep waits another minute
  });

  describe('on PostgreSQL', () => {
    let schema: TestDatabase;
    const adapters: TypeOrmAdapter[] = [];
    beforeAll(async () => {
      schema = await createPostgresSchema('rate_limit_db');
      const first = await TypeOrmAdapter.connect(schema.url);
      adapters.push(first);
      await runMigrations(first.dataSource);
      // The plugin table comes from getAuthSchema, as `generate` / `migrate` would write it.
      const sql = schemaSql({ tables: getAuthSchema(authOn(first)).tables.filter((table) => table.name === 'rate_limit') }, 'postgres');
      for (const statement of sql.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) await first.dataSource.query(statement);
      adapters.push(await TypeOrmAdapter.connect(schema.url));
    }, 60_000);
    afterAll(async () => {
      for (const adapter of adapters) await adapter.close();
      await schema.drop();
    });

    it('limits sign-ins through the table', async () => {
      await expectLimitedThroughTheTable(authOn(adapters[0]));
    });

    it('concurrent hits from two instances (two connection pools, as two processes) count exactly, the first hit included', async () => {
      const [one, two] = adapters.map((adapter) => authOn(adapter));
      // Four stores (each queues its own hits), two per pool: four writers race on one row.
      const stores = [one, two, one, two].map((auth) => new DatabaseRateLimitStore(() => auth.context.records(rateLimitModel)));
      const hits = await Promise.all(Array.from({ length: 60 }, (_, i) => stores[i % 4].hit('concurrent', 60)));
      expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      const rows = await one.context.records('rateLimit').findMany({ key: 'concurrent' });
      expect(rows).toHaveLength(1);
      expect(rows[0].count).toBe(60);
    }, 60_000);
  });
});
