import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { TcpProxy } from '../hardening/tcp-proxy';
import { call, email, PASSWORD, signedUp, startApp, type App } from './harness';

/**
 * Two app processes on loopback share PostgreSQL (the system of record) and Redis (sessions and rate-limit
 * counters), as several processes behind a load balancer would. Redis is reached through a TCP proxy of the
 * test's own, which cuts it mid-test; the machine's Redis itself is never stopped. (`revocation-bound.test.ts`
 * cuts each process's Redis alone.)
 */
const REDIS_PORT = Number(process.env.TEST_REDIS_PORT ?? 6379);

let database: TestDatabase;
let proxy: TcpProxy;
let a: App;
let b: App;

beforeAll(async () => {
  database = await createPostgresSchema('multi_process');
  const migrated = await TypeOrmAdapter.connect(database.url, {});
  await runMigrations(migrated);
  await migrated.close();
  proxy = new TcpProxy(REDIS_PORT);
  const redisUrl = `redis://127.0.0.1:${await proxy.start()}`;
  const runId = randomBytes(4).toString('hex');
  [a, b] = await Promise.all([startApp('A', database.url, redisUrl, runId), startApp('B', database.url, redisUrl, runId)]);
}, 400_000);

afterAll(async () => {
  for (const app of [a, b]) app?.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await proxy?.stop();
  await database?.drop();
});

describe('two processes sharing PostgreSQL and Redis act as one', () => {
  it('a session opened on A is valid on B; signed out on B it is refused on A at once', async () => {
    const { cookie, user } = await signedUp(a);
    const onB = await call(b, 'GET', '/get-session', { cookie });
    expect(onB.json.user.id).toBe(user.id);
    expect((await call(a, 'GET', '/get-session', { cookie })).json.user.id).toBe(user.id); // now cached on both
    expect((await call(b, 'POST', '/sign-out', { cookie, body: {} })).status).toBe(200);
    expect((await call(a, 'GET', '/get-session', { cookie })).json).toBeNull();
  });

  it('revoke-other-sessions on one process ends the others everywhere; an update is seen everywhere', async () => {
    const { email: address, cookie: first } = await signedUp(a);
    const second = await call(b, 'POST', '/sign-in/email', { body: { email: address, password: PASSWORD } });
    for (const app of [a, b]) expect((await call(app, 'GET', '/get-session', { cookie: first })).json?.user?.id).toEqual(expect.any(String));
    expect((await call(b, 'POST', '/revoke-other-sessions', { cookie: second.cookie, body: {} })).status).toBe(200);
    for (const app of [a, b]) expect((await call(app, 'GET', '/get-session', { cookie: first })).json).toBeNull();
    expect((await call(a, 'POST', '/update-user', { cookie: second.cookie, body: { name: 'Renamed' } })).status).toBe(200);
    expect((await call(b, 'GET', '/get-session', { cookie: second.cookie })).json.user.name).toBe('Renamed');
  });

  it('a ban made on A ends the banned user\'s session on B at once', async () => {
    const admin = await signedUp(a);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    } finally {
      await client.end();
    }
    const target = await signedUp(b);
    expect((await call(b, 'GET', '/get-session', { cookie: target.cookie })).json?.user?.id).toEqual(expect.any(String)); // cached on B
    const banned = await call(a, 'POST', '/admin/ban-user', { cookie: admin.cookie, body: { userId: target.user.id, banReason: 'spam' } });
    expect(banned.status).toBe(200);
    expect((await call(b, 'GET', '/get-session', { cookie: target.cookie })).json).toBeNull();
    const again = await call(b, 'POST', '/sign-in/email', { body: { email: target.email, password: PASSWORD } });
    expect([again.status, again.json.code]).toEqual([403, 'BANNED_USER']);
  });

  it('a password-reset token issued on A (kept in Redis) is used once across A and B', async () => {
    const { email: address } = await signedUp(a);
    expect((await call(a, 'POST', '/request-password-reset', { body: { email: address } })).status).toBe(200);
    let mail: App['mails'][number] | undefined;
    for (let i = 0; i < 50 && !mail; i++) {
      mail = a.mails.find((sent) => sent.to === address);
      if (!mail) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(mail).toBeDefined();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => call(i % 2 ? a : b, 'POST', '/reset-password', { body: { newPassword: 'a new passphrase 99', token: mail!.token } })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400, 400, 400, 400, 400]);
    expect((await call(b, 'POST', '/sign-in/email', { body: { email: address, password: 'a new passphrase 99' } })).status).toBe(200);
  });

  it('rate limits count across both processes', async () => {
    const ip = '192.0.2.77';
    const statuses: number[] = [];
    for (const app of [a, b, a, b]) statuses.push((await call(app, 'POST', '/sign-in/email', { body: { email: email(), password: 'wrong password 123' }, ip })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('of ten concurrent sign-ups with one email across both, exactly one creates the user', async () => {
    const address = email();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => call(i % 2 ? a : b, 'POST', '/sign-up/email', { body: { email: address, password: PASSWORD, name: 'Racer' } })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 422)).toHaveLength(9);
  });

  it('with Redis cut, both answer from PostgreSQL, a revocation made meanwhile holds when Redis is back', async () => {
    const { email: address, cookie } = await signedUp(a);
    const other = await call(b, 'POST', '/sign-in/email', { body: { email: address, password: PASSWORD } });
    for (const app of [a, b]) for (const session of [cookie, other.cookie]) expect((await call(app, 'GET', '/get-session', { cookie: session })).json?.user?.id).toEqual(expect.any(String));

    await proxy.cut();
    for (const app of [a, b]) expect((await call(app, 'GET', '/get-session', { cookie })).json?.user?.id).toEqual(expect.any(String));
    expect((await call(a, 'POST', '/sign-out', { cookie: other.cookie, body: {} })).status).toBe(200);
    for (const app of [a, b]) expect((await call(app, 'GET', '/get-session', { cookie: other.cookie })).json).toBeNull();
    const during = await signedUp(b);
    expect((await call(a, 'GET', '/get-session', { cookie: during.cookie })).json?.user?.id).toEqual(expect.any(String));

    await proxy.restore();
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the held revocation marks are retried every 200 ms
    for (const app of [a, b]) {
      expect((await call(app, 'GET', '/get-session', { cookie: other.cookie })).json).toBeNull();
      expect((await call(app, 'GET', '/get-session', { cookie })).json?.user?.id).toEqual(expect.any(String));
    }
    expect(a.errors.join('\n') + b.errors.join('\n')).toContain('secondary storage unreachable');
    expect(a.errors.join('\n') + b.errors.join('\n')).toContain('reachable again');
  });
});
