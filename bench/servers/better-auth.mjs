/**
 * Better Auth 1.7 behind node:http, configured as close to ours as it allows: the same backend, email and
 * password on, rate limiting off (on in the flood section's limiter rows), the same secret and base URL (so
 * the same signed cookie works on both).
 * Usage: node bench/servers/better-auth.mjs <memory|sqlite|postgres|postgres-redis> [databaseUrl]
 * postgres-redis: `@better-auth/redis-storage` as secondary storage, sessions still stored in PostgreSQL
 * (`storeSessionInDatabase`), the same system of record as ours.
 * Prints `READY {json}` (see bench/lib/child-server.ts). better-auth is ESM-only, hence a .mjs file.
 */
import { createServer } from 'node:http';
import { betterAuth } from 'better-auth';
import { toNodeHandler } from 'better-auth/node';
import { BENCH_PASSWORD, BENCH_EMAIL, BETTER_AUTH_OPTIONS, announceReady, benchEnvironment, withLoopProbe } from './protocol.cjs';

const [backend = 'memory', databaseUrl] = process.argv.slice(2);
// The Redis key prefix is this process's own unless the cluster wrapper gives its workers a shared one.
const environment = benchEnvironment(`bench-theirs-${process.pid}:`);

async function database() {
  if (backend === 'memory') {
    const { memoryAdapter } = await import('better-auth/adapters/memory');
    return memoryAdapter({ user: [], session: [], account: [], verification: [] });
  }
  if (backend === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const database = new Database(databaseUrl ?? ':memory:');
    // WAL, as our adapter opens SQLite files: the same journal mode on both sides.
    database.pragma('journal_mode = WAL');
    return database;
  }
  if (backend === 'postgres' || backend === 'postgres-redis') {
    const { default: pg } = await import('pg');
    // The pool size of our TypeORM adapter's default, so neither side wins on connection count.
    return new pg.Pool({ connectionString: databaseUrl, max: 10 });
  }
  throw new Error(`unknown backend ${backend}`);
}

/** Better Auth's own Redis storage, with sessions kept in PostgreSQL as well (as ours does). */
async function redis() {
  const { default: Redis } = await import('ioredis');
  const { redisStorage } = await import('@better-auth/redis-storage');
  const client = new Redis(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379');
  return {
    secondaryStorage: redisStorage({ client, keyPrefix: environment.redisPrefix }),
    session: { ...BETTER_AUTH_OPTIONS.session, storeSessionInDatabase: true },
  };
}

/**
 * The flood section's limiter: Better Auth's defaults (sign-in 3 per 10 s per client address), counters in its
 * secondary storage when it has one (its default), the address from X-Forwarded-For (its default header).
 * get-session is exempted, as ours is by default: its default window (100 per 10 s per address) would
 * otherwise answer the bench's page views, all from one address, with 429s.
 */
function rateLimit() {
  return environment.rateLimit ? { rateLimit: { enabled: true, customRules: { '/get-session': false } } } : {};
}

async function main() {
  const options = { ...BETTER_AUTH_OPTIONS, database: await database(), ...(backend === 'postgres-redis' ? await redis() : {}), ...rateLimit() };
  // A second cluster worker shares the first one's database: schema, bench user and cookie exist already.
  if (backend !== 'memory' && !environment.skipSignUp) {
    const { getMigrations } = await import('better-auth/db/migration');
    const { runMigrations } = await getMigrations(options);
    await runMigrations();
  }
  const auth = betterAuth(options);
  const cookie = environment.skipSignUp ? undefined : await signUpBenchUser(auth);
  const server = createServer(withLoopProbe(toNodeHandler(auth)));
  server.listen(0, '127.0.0.1', () => announceReady(server, { cookie }));
}

async function signUpBenchUser(auth) {
  const signUp = await auth.api.signUpEmail({
    body: { email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' },
    returnHeaders: true,
  });
  return signUp.headers.get('set-cookie').split(';')[0];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
