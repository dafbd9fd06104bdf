import { createHash } from 'node:crypto';
import { BetterAuth } from 'better-auth-entities';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import { EmailOtpPlugin, EmailPasswordPlugin, MemoryEmailSender, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { KeyedDigest } from '../../src/crypto/keyed-digest';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { call, ORIGIN, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/*
 * Two auth instances (two processes' worth: each its own connection pool and in-process queues) on one
 * PostgreSQL schema. The account-wide bound on wrong emailed codes must hold across them, since an attacker
 * picks which process answers. Comparisons are counted where they happen (the code digest of a guess), so the
 * test sees how many guesses were actually checked, not only what was answered.
 */

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function instance(database: TypeOrmAdapter<any, any, any, any, any, any, any>, mail: MemoryEmailSender) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: mail, rateLimit: { enabled: false } })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new EmailOtpPlugin())
    .build();
}

describe('the email-OTP account-wide bound across two auth instances sharing one PostgreSQL database', () => {
  let postgres: TestDatabase;
  const adapters: TypeOrmAdapter<any, any, any, any, any, any, any>[] = [];

  beforeAll(async () => {
    postgres = await createPostgresSchema('otp-shared');
    for (let i = 0; i < 2; i += 1) adapters.push(await TypeOrmAdapter.connect(postgres.url, {}));
    await runMigrations(adapters[0]);
  });
  afterAll(async () => {
    for (const adapter of adapters) await adapter.close();
    await postgres?.drop();
  });
  afterEach(() => jest.restoreAllMocks());

  it('checks exactly ten of 160 wrong codes sent in parallel to both instances over eight re-sent codes, and then refuses the right code on both', async () => {
    const mail = new MemoryEmailSender();
    const [a, b] = adapters.map((adapter) => instance(adapter, mail));
    const email = uniqueEmail('otp-shared');
    const guesses = new Set<string>();
    const digests = jest.spyOn(KeyedDigest.prototype, 'of');

    for (let round = 0; round < 8; round += 1) {
      const since = mail.sent.length;
      expect((await call(a.handler, 'POST', '/email-otp/send-verification-otp', { body: { email, type: 'sign-in' } })).status).toBe(200);
      const { token: code } = await mail.next({ kind: 'email-otp:sign-in', to: email }, { since });
      guesses.add(`sign-in\n${email}\n${wrong(code)}`);
      await Promise.all(Array.from({ length: 20 }, (_, i) => call((i % 2 === 0 ? a : b).handler, 'POST', '/sign-in/email-otp', { body: { email, otp: wrong(code) } })));
    }

    const checked = digests.mock.calls.filter(([value]) => guesses.has(value)).length;
    expect(checked).toBe(10);
    for (const auth of [a, b]) {
      const since = mail.sent.length;
      await call(auth.handler, 'POST', '/email-otp/send-verification-otp', { body: { email, type: 'sign-in' } });
      const { token: fresh } = await mail.next({ kind: 'email-otp:sign-in', to: email }, { since });
      const refused = await call(auth.handler, 'POST', '/sign-in/email-otp', { body: { email, otp: fresh } });
      expect([refused.status, refused.json.code]).toEqual([403, 'TOO_MANY_ATTEMPTS']);
    }
    expect(await a.context.records('accountFailure').findOne({ key: `email-otp:${sha256(email)}` })).toEqual(expect.objectContaining({ count: 10 }));
  }, 120_000);
});
