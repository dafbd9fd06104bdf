import { ConfigError } from 'better-auth-entities';
import { makeTestAuth } from '../support/test-auth';

const INTERVAL_SECONDS = 0.05;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One expired and one live row of each kind, for a user of `database`. */
async function seed(database: ReturnType<typeof makeTestAuth>['database']) {
  const user = await database.createUser({ email: `purge-${Date.now()}-${Math.random()}@example.com`, name: 'P' });
  const past = new Date(Date.now() - 1000);
  const future = new Date(Date.now() + 3_600_000);
  const expiredSession = await database.createSession({ token: `expired-${user.id}`, userId: user.id, expiresAt: past });
  const liveSession = await database.createSession({ token: `live-${user.id}`, userId: user.id, expiresAt: future });
  await database.createVerification({ identifier: `expired-${user.id}`, value: '{}', expiresAt: past });
  await database.createVerification({ identifier: `live-${user.id}`, value: '{}', expiresAt: future });
  return { user, expiredSession, liveSession };
}

async function rows(database: ReturnType<typeof makeTestAuth>['database'], userId: string) {
  return {
    sessions: (await database.listSessionsForUser(userId)).map((session) => session.token).sort(),
    expiredVerification: (await database.getVerificationByIdentifier(`expired-${userId}`)) !== null,
    liveVerification: (await database.getVerificationByIdentifier(`live-${userId}`)) !== null,
  };
}

describe('expired sessions and verifications are purged on a schedule owned by the auth instance', () => {
  it('deletes expired rows every interval and keeps live ones', async () => {
    const { auth, database } = makeTestAuth({ config: { purgeExpired: { interval: INTERVAL_SECONDS } } });
    const { user } = await seed(database);
    await wait(INTERVAL_SECONDS * 1000 * 4);
    expect(await rows(database, user.id)).toEqual({ sessions: [`live-${user.id}`], expiredVerification: false, liveVerification: true });
    await auth.close();
  });

  it('purgeExpired: false turns it off', async () => {
    const { auth, database } = makeTestAuth({ config: { purgeExpired: false } });
    const { user } = await seed(database);
    await wait(200);
    expect((await rows(database, user.id)).expiredVerification).toBe(true);
    await auth.close();
  });

  it('close() stops it: rows that expire afterwards stay', async () => {
    const { auth, database } = makeTestAuth({ config: { purgeExpired: { interval: INTERVAL_SECONDS } } });
    await auth.close();
    const { user } = await seed(database);
    await wait(INTERVAL_SECONDS * 1000 * 4);
    expect((await rows(database, user.id)).sessions).toHaveLength(2);
  });

  it('refuses an interval that is not a positive number of seconds', () => {
    expect(() => makeTestAuth({ config: { purgeExpired: { interval: 0 } } })).toThrow(ConfigError);
  });
});
