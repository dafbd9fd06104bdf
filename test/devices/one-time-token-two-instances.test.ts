import type { AppDatabase } from '../../examples/create-auth';
import { openDatabase } from '../../examples/open-database';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { call } from '../support/test-auth';
import { Browser, makeDeviceAuth } from './device-auth';

/**
 * Two auth instances, each with its own connection pool on one PostgreSQL schema, as two processes of an app
 * would be: a one-time token minted on one is redeemed once in all, whichever instance each verify reaches.
 */
describe('OneTimeTokenPlugin across two instances on one PostgreSQL database', () => {
  let schema: TestDatabase;
  const databases: Array<AppDatabase & { close?: () => Promise<void> }> = [];

  beforeAll(async () => {
    schema = await createPostgresSchema('ott_two');
    for (let i = 0; i < 2; i++) databases.push((await openDatabase([], { DATABASE_URL: schema.url })).database as unknown as AppDatabase & { close?: () => Promise<void> });
  });
  afterAll(async () => {
    for (const database of databases) await database.close?.();
    await schema?.drop();
  });

  it('eight verifies spread over both instances at once: exactly one succeeds', async () => {
    const [one, two] = databases.map((database) => makeDeviceAuth(database, { multiSession: false }).auth);
    const desktop = new Browser(one.handler);
    const account = await desktop.signUp('ott-two');
    const { json } = await desktop.call('GET', '/one-time-token/generate');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call((i % 2 === 0 ? one : two).handler, 'POST', '/one-time-token/verify', { body: { token: json.token } })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
    expect(answers.filter((answer) => answer.status === 400).every((answer) => answer.json.code === 'INVALID_TOKEN')).toBe(true);
    expect(await databases[1].listSessionsForUser(account.user.id)).toHaveLength(2);
    // The session redeemed on either instance is served by the other.
    const winner = answers.find((answer) => answer.status === 200)!;
    expect((await call(one.handler, 'GET', '/get-session', { bearer: winner.json.session.token })).json.user.id).toBe(account.user.id);
    expect((await call(two.handler, 'GET', '/get-session', { bearer: winner.json.session.token })).json.user.id).toBe(account.user.id);
  });
});
