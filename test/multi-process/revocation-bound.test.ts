import { randomBytes } from 'node:crypto';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { TcpProxy } from '../hardening/tcp-proxy';
import { call, signedUp, startApp, type App } from './harness';

/**
 * A revocation that answered 2xx binds every process within a stated bound, whatever happens to Redis: each of
 * the two processes reaches Redis through its own TCP proxy, so Redis can be cut for A alone, for both, or for
 * both with A killed before it comes back (A's unsent revocation marks then die with it).
 *
 * The bound is `session.recheckAfter` (default 5 s, which `server.ts` keeps): a copy of a session cached in
 * Redis is served only that long after the database was read for it. Every get-session sent to B later than
 * the bound after the sign-out answered must be refused; the tests also print how long B in fact still
 * accepted the session (the measured window).
 */
const REDIS_PORT = Number(process.env.TEST_REDIS_PORT ?? 6379);
const BOUND_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let database: TestDatabase;
let proxyA: TcpProxy;
let proxyB: TcpProxy;
let a: App;
let b: App;

beforeAll(async () => {
  database = await createPostgresSchema('revocation_bound');
  const migrated = await TypeOrmAdapter.connect(database.url, {});
  await runMigrations(migrated);
  await migrated.close();
  proxyA = new TcpProxy(REDIS_PORT);
  proxyB = new TcpProxy(REDIS_PORT);
  const [portA, portB] = [await proxyA.start(), await proxyB.start()];
  const runId = randomBytes(4).toString('hex');
  [a, b] = await Promise.all([
    startApp('A', database.url, `redis://127.0.0.1:${portA}`, runId),
    startApp('B', database.url, `redis://127.0.0.1:${portB}`, runId),
  ]);
}, 400_000);

afterAll(async () => {
  for (const app of [a, b]) if (app && app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
  await sleep(500);
  await proxyA?.stop();
  await proxyB?.stop();
  await database?.drop();
});

/** A session signed up on A and now cached in Redis by B (a lookup on B filled it, the next one was served from it). */
async function sessionCachedOnB(): Promise<string> {
  const { cookie } = await signedUp(a);
  for (let i = 0; i < 2; i++) expect((await call(b, 'GET', '/get-session', { cookie })).status).toBe(200);
  return cookie;
}

/** Signs out on A; the moment the 200 arrived is where the bound starts. */
async function signOutOnA(cookie: string): Promise<number> {
  const answer = await call(a, 'POST', '/sign-out', { cookie, body: {} });
  expect(answer.status).toBe(200);
  return Date.now();
}

interface Probe {
  sentAt: number;
  status: number;
}

/** Asks B for the session every few milliseconds until `until`, recording when each request was sent. */
async function probeB(cookie: string, until: number, everyMs = 20): Promise<Probe[]> {
  const probes: Probe[] = [];
  while (Date.now() < until) {
    const sentAt = Date.now();
    probes.push({ sentAt, status: (await call(b, 'GET', '/get-session', { cookie })).status });
    await sleep(everyMs);
  }
  return probes;
}

/** How long after the revocation answered B last accepted the session (0 when it never did). */
function acceptedWindow(probes: Probe[], revokedAt: number): number {
  const accepted = probes.filter((probe) => probe.status === 200);
  return accepted.length === 0 ? 0 : Math.max(0, accepted[accepted.length - 1].sentAt - revokedAt);
}

function expectRefusedAfterBound(probes: Probe[], revokedAt: number, label: string): void {
  const late = probes.filter((probe) => probe.sentAt > revokedAt + BOUND_MS);
  expect(late.length).toBeGreaterThan(0);
  // Listed as "<ms after the sign-out answered>: <status>", so a failure shows when B still accepted it.
  expect(late.filter((probe) => probe.status !== 401).map((probe) => `${probe.sentAt - revokedAt} ms: ${probe.status}`)).toEqual([]);
  // The figure the README and SECURITY.md quote.
  console.log(`revocation bound, ${label}: B accepted the revoked session for ${acceptedWindow(probes, revokedAt)} ms after sign-out answered (bound ${BOUND_MS} ms, ${probes.length} probes)`);
}

describe('a revocation binds every process within the bound, whatever happens to Redis', () => {
  it('with Redis cut for A alone, a sign-out on A is refused by B within the bound, and A refuses it at once', async () => {
    const cookie = await sessionCachedOnB();
    await proxyA.cut();
    try {
      const revokedAt = await signOutOnA(cookie);
      expect((await call(a, 'GET', '/get-session', { cookie })).status).toBe(401);
      const probes = await probeB(cookie, revokedAt + BOUND_MS + 1_000);
      expectRefusedAfterBound(probes, revokedAt, 'Redis cut for A only');
    } finally {
      await proxyA.restore();
    }
    await sleep(600); // A replays the mark it held
    expect((await call(b, 'GET', '/get-session', { cookie })).status).toBe(401);
  }, 30_000);

  it('with Redis cut for both, B refuses a sign-out made on A during the outage and after Redis is back', async () => {
    const cookie = await sessionCachedOnB();
    await Promise.all([proxyA.cut(), proxyB.cut()]);
    let probes: Probe[];
    let revokedAt: number;
    try {
      revokedAt = await signOutOnA(cookie);
      probes = await probeB(cookie, revokedAt + 1_000, 50); // during the outage B reads PostgreSQL
    } finally {
      await Promise.all([proxyA.restore(), proxyB.restore()]);
    }
    // Right after Redis returns, before A has replayed its mark: the copy B cached before the outage is old news.
    probes.push(...(await probeB(cookie, revokedAt + BOUND_MS + 1_000, 5)));
    expect(probes.filter((probe) => probe.status !== 401).map((probe) => `${probe.sentAt - revokedAt} ms: ${probe.status}`)).toEqual([]);
    expectRefusedAfterBound(probes, revokedAt, 'Redis cut for both, back after 1 s');
  }, 30_000);

  it('with Redis cut for both and A killed before it returns, B refuses the session within the bound', async () => {
    const cookie = await sessionCachedOnB();
    await Promise.all([proxyA.cut(), proxyB.cut()]);
    let revokedAt: number;
    try {
      revokedAt = await signOutOnA(cookie);
      a.child.kill('SIGKILL'); // the marks A could not send die with it
      await new Promise((resolve) => a.child.once('exit', resolve));
      await sleep(1_000); // B gets no request during the outage: it has no reason to doubt its cache
    } finally {
      await Promise.all([proxyA.restore(), proxyB.restore()]);
    }
    const probes = await probeB(cookie, revokedAt + BOUND_MS + 1_000);
    expectRefusedAfterBound(probes, revokedAt, 'Redis cut for both, A killed');
  }, 30_000);
});
