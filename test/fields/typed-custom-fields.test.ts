import { randomBytes } from 'node:crypto';
import { RedisSecondaryStorage } from 'better-auth-entities/redis';
import { describeOnEveryBackend } from '../support/backends';
import { call, PASSWORD, signUp, uniqueEmail } from '../support/test-auth';

/*
 * The example's user has a nullable custom field of every type, each typed by its TypeORM column:
 * nickname varchar(40) with a @Matches rule, birthday timestamp, age int, newsletter boolean, preferences
 * simple-json. Whatever a request sends, each backend stores only what the column holds, and reads it back
 * (from the database and from the Redis session cache) as the same JSON.
 */

const redisPrefix = `typed-fields-${randomBytes(4).toString('hex')}:`;
const redis = new RedisSecondaryStorage({ url: `redis://127.0.0.1:${process.env.TEST_REDIS_PORT ?? 6379}`, keyPrefix: redisPrefix });
beforeAll(async () => {
  if (redis.client.status !== 'ready') await new Promise((resolve) => redis.client.once('ready', resolve));
});
afterAll(async () => {
  const keys = await redis.client.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.client.del(...keys);
  await redis.close();
});

const VALID = {
  nickname: 'ada_l',
  birthday: '1815-12-10T08:30:00.123Z',
  age: 36,
  newsletter: true,
  preferences: { theme: 'dark', sizes: [1, 2] },
};
const NULLS = { nickname: null, birthday: null, age: null, newsletter: null, preferences: null };

/** Bodies each field must refuse, with the field named in the answer. */
const REFUSED: Array<[string, Record<string, unknown>]> = [
  ['a number for a string | null field', { nickname: 42 }],
  ['a string over the varchar(40) length', { nickname: 'n'.repeat(41) }],
  ['a string with a NUL character', { nickname: 'a\u0000b' }],
  ['text for an int column', { age: 'x' }],
  ['a fraction for an int column', { age: 1.5 }],
  ['a number beyond the int range', { age: 99_999_999_999 }],
  ['a string for a boolean', { newsletter: 'yes' }],
  ['text that is no date', { birthday: 'not a date' }],
  ['a date no dialect stores (year 20000)', { birthday: '+020000-01-01T00:00:00.000Z' }],
];

describeOnEveryBackend('nullable custom fields of every type', (backend) => {
  it.each(REFUSED)('sign-up refuses %s with 400 VALIDATION_ERROR naming the field, and stores no user', async (_case, extra) => {
    const { auth, database } = backend.makeAuth();
    const email = uniqueEmail('typed');
    const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'T', ...extra } });
    expect([result.status, result.json.code, result.json.details?.[0]?.field]).toEqual([400, 'VALIDATION_ERROR', Object.keys(extra)[0]]);
    expect(await database.getUserByEmail(email)).toBeNull();
  });

  it('sign-up refuses a value the class’s own @Matches rule refuses, naming the field and the constraint', async () => {
    const { auth, database } = backend.makeAuth();
    const email = uniqueEmail('rule');
    const result = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'R', nickname: '<script>' } });
    expect([result.status, result.json.code, result.json.details?.[0]?.field]).toEqual([400, 'VALIDATION_ERROR', 'nickname']);
    expect(result.json.details[0].messages[0]).toMatch(/\(matches\)$/);
    expect(await database.getUserByEmail(email)).toBeNull();
  });

  it('update-user refuses the same values and leaves every stored value as it was', async () => {
    const { auth } = backend.makeAuth();
    const { token, user } = await signUp(auth.handler, uniqueEmail(), VALID);
    for (const [, extra] of REFUSED) {
      const result = await call(auth.handler, 'POST', '/update-user', { bearer: token, body: extra });
      expect([Object.keys(extra)[0], result.status, result.json.code]).toEqual([Object.keys(extra)[0], 400, 'VALIDATION_ERROR']);
    }
    const after = await call(auth.handler, 'GET', '/get-session', { bearer: token });
    expect(after.json.user).toMatchObject({ ...VALID, id: user.id });
  });

  it('takes null for every field and valid values of every type, and answers them as it stored them', async () => {
    const { auth } = backend.makeAuth();
    const empty = await signUp(auth.handler, uniqueEmail(), NULLS);
    expect(empty.user).toMatchObject(NULLS);
    const filled = await signUp(auth.handler, uniqueEmail(), VALID);
    expect(filled.user).toMatchObject(VALID);
    const read = await call(auth.handler, 'GET', '/get-session', { bearer: filled.token });
    expect(read.json.user).toMatchObject(VALID);
    const cleared = await call(auth.handler, 'POST', '/update-user', { bearer: filled.token, body: NULLS });
    expect([cleared.status, cleared.json.user]).toEqual([200, expect.objectContaining(NULLS)]);
  });

  it('reads the same JSON types from the database and from the Redis session cache, and dates stay Dates', async () => {
    const { auth } = backend.makeAuth({ config: { secondaryStorage: redis } });
    const { cookie } = await signUp(auth.handler, uniqueEmail(), VALID);
    const first = await call(auth.handler, 'GET', '/get-session', { cookie });
    const cached = await call(auth.handler, 'GET', '/get-session', { cookie });
    expect(first.json.user).toMatchObject(VALID);
    expect(cached.json.user).toEqual(first.json.user);
    for (let i = 0; i < 2; i++) {
      const active = await auth.api.getSession({ headers: { cookie } });
      expect(active?.user.birthday).toEqual(new Date(VALID.birthday));
      expect([typeof active?.user.age, typeof active?.user.newsletter, active?.user.preferences]).toEqual(['number', 'boolean', VALID.preferences]);
    }
  });
});
