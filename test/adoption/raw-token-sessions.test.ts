import { randomInt } from 'node:crypto';
import { digestToken } from 'better-auth-entities';
import { CookieSigner } from '../../src/crypto/cookie-signer';
import type { AppDatabase } from '../../examples/create-auth';
import { describeOnEveryBackend } from '../support/backends';
import { call, makeTestAuth, signUp, TEST_SECRET } from '../support/test-auth';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A token as better-auth 1.7 makes one: 32 letters and digits. */
function betterAuthToken(): string {
  return Array.from({ length: 32 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}

/** A session row as better-auth writes it: the token stored as it is. */
async function rawSession(database: AppDatabase, userId: string, token = betterAuthToken()) {
  const now = Date.now();
  await database.createSession({ token, userId, expiresAt: new Date(now + 7 * 86_400_000), ipAddress: null, userAgent: null, createdAt: new Date(now), updatedAt: new Date(now) });
  return token;
}

/** The cookie better-auth set for a token (same secret, same signature). */
const cookieOf = (token: string) => `better-auth.session_token=${encodeURIComponent(new CookieSigner(TEST_SECRET).sign(token))}`;

describeOnEveryBackend('sessions better-auth stored with raw tokens (session.convertRawTokens)', (backend) => {
  it("a browser's old cookie is accepted, its row converted to the digest on that first use, and it keeps working", async () => {
    const { auth, database } = backend.makeAuth({ config: { session: { convertRawTokens: true } } });
    const { user } = await signUp(auth.handler);
    const token = await rawSession(database, user.id);

    const first = await call(auth.handler, 'GET', '/get-session', { cookie: cookieOf(token) });
    expect(first.status).toBe(200);
    expect(first.json?.user?.id).toBe(user.id);
    expect(first.json?.session?.token).toBe(token);
    // Converted: the raw token is no longer at rest, its digest is.
    expect(await database.getSessionWithUser(token)).toBeNull();
    expect((await database.getSessionWithUser(digestToken(token)))?.user).toMatchObject({ id: user.id });

    const second = await call(auth.handler, 'GET', '/get-session', { cookie: cookieOf(token) });
    expect(second.json?.user?.id).toBe(user.id);
    expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).json?.user?.id).toBe(user.id);
  });

  it("a converted row's digest, presented as a token, opens nothing (list-sessions hands digests out)", async () => {
    const { auth, database } = backend.makeAuth({ config: { session: { convertRawTokens: true } } });
    const { user } = await signUp(auth.handler);
    const token = await rawSession(database, user.id);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie: cookieOf(token) })).status).toBe(200);

    const digest = digestToken(token);
    for (const credentials of [{ bearer: digest }, { cookie: cookieOf(digest) }]) {
      const result = await call(auth.handler, 'GET', '/get-session', credentials);
      expect(result.json).toBeNull();
    }
  });

  it('a raw row whose token has the shape of a digest is never matched raw', async () => {
    const { auth, database } = backend.makeAuth({ config: { session: { convertRawTokens: true } } });
    const { user } = await signUp(auth.handler);
    const digestShaped = digestToken(betterAuthToken());
    await rawSession(database, user.id, digestShaped);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie: cookieOf(digestShaped) })).json).toBeNull();
    expect(await database.getSessionWithUser(digestShaped)).not.toBeNull(); // left as it was
  });

  it('a token differing from the stored one in case opens nothing', async () => {
    const { auth, database } = backend.makeAuth({ config: { session: { convertRawTokens: true } } });
    const { user } = await signUp(auth.handler);
    const token = await rawSession(database, user.id, `Ab${betterAuthToken().slice(2)}`);
    const swapped = `aB${token.slice(2)}`;
    expect((await call(auth.handler, 'GET', '/get-session', { cookie: cookieOf(swapped) })).json).toBeNull();
    expect(await database.getSessionWithUser(token)).not.toBeNull();
  });

  it('switched off (the default), a raw-token row opens nothing and stays as it was', async () => {
    const { auth, database } = backend.makeAuth();
    const { user } = await signUp(auth.handler);
    const token = await rawSession(database, user.id);
    expect((await call(auth.handler, 'GET', '/get-session', { cookie: cookieOf(token) })).json).toBeNull();
    expect(await database.getSessionWithUser(token)).not.toBeNull();
  });
});

describe('what the raw-token lookup costs get-session', () => {
  /** How many session reads the database saw for one get-session with these credentials. */
  async function readsFor(convertRawTokens: boolean, credentials: (token: string) => { cookie?: string; bearer?: string }) {
    const { auth, database } = makeTestAuth({ config: { session: { convertRawTokens } } });
    const { token } = await signUp(auth.handler);
    const lookup = jest.spyOn(database, 'getSessionWithUser');
    await call(auth.handler, 'GET', '/get-session', credentials(token));
    return lookup.mock.calls.length;
  }

  it('a session found by its digest costs one read, switched on or off', async () => {
    expect(await readsFor(false, (token) => ({ bearer: token }))).toBe(1);
    expect(await readsFor(true, (token) => ({ bearer: token }))).toBe(1);
  });

  it('an unknown token costs one read when switched off, and a second only when switched on', async () => {
    expect(await readsFor(false, () => ({ bearer: 'unknownTokenOfThirtyTwoCharacter' }))).toBe(1);
    expect(await readsFor(true, () => ({ bearer: 'unknownTokenOfThirtyTwoCharacter' }))).toBe(2);
  });
});
