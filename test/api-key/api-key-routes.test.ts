import { describeOnEveryBackend } from '../support/backends';
import { makeApiKeyAuth, signedUpUser, type ApiKeySetup } from './api-key-auth';

describeOnEveryBackend('ApiKeyPlugin routes', (backend) => {
  const setup = (options: Parameters<typeof makeApiKeyAuth>[1] = {}) => makeApiKeyAuth(backend.database(), options);

  async function userWithKey(s: ApiKeySetup, body: Record<string, unknown> = { name: 'ci' }) {
    const user = await signedUpUser(s);
    const created = await s.send('POST', '/api-key/create', { cookie: user.cookie, body });
    expect(created.status).toBe(200);
    return { ...user, key: created.json.key as string, keyId: created.json.id as string, created: created.json };
  }

  it('creates a key shown once (prefix + 64 letters), stores only a digest and its first characters, and never answers the key again', async () => {
    const s = setup();
    const { cookie, userId, key, keyId, created } = await userWithKey(s, { name: 'ci', prefix: 'acme_', metadata: { team: 'ops' } });
    expect(key).toMatch(/^acme_[A-Za-z]{64}$/);
    expect(created).toMatchObject({ name: 'ci', prefix: 'acme_', start: key.slice(0, 6), referenceId: userId, userId, enabled: true, remaining: null, metadata: { team: 'ops' }, permissions: null, requestCount: 0 });
    const stored = await s.keys().findOne({ id: keyId });
    expect(stored!.key).not.toContain(key);
    expect(stored!.key).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(key.slice(6));

    const got = await s.send('GET', `/api-key/get?id=${keyId}`, { cookie });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: keyId, name: 'ci', start: key.slice(0, 6), metadata: { team: 'ops' } });
    const listed = await s.send('GET', '/api-key/list', { cookie });
    expect(listed.status).toBe(200);
    expect(listed.json.total).toBe(1);
    expect(listed.json.apiKeys.map((k: { id: string }) => k.id)).toEqual([keyId]);
    for (const answer of [got, listed]) {
      expect(JSON.stringify(answer.json)).not.toContain(key.slice(6));
      expect(JSON.stringify(answer.json)).not.toContain(stored!.key);
      expect(answer.json.key).toBeUndefined();
    }
  });

  it('lists only the caller\'s keys, sorted and paged, with the total', async () => {
    const s = setup();
    const { cookie } = await userWithKey(s, { name: 'b' });
    await s.send('POST', '/api-key/create', { cookie, body: { name: 'a' } });
    await s.send('POST', '/api-key/create', { cookie, body: { name: 'c' } });
    await userWithKey(s, { name: 'other' });
    const page = await s.send('GET', '/api-key/list?sortBy=name&sortDirection=desc&limit=2&offset=0', { cookie });
    expect(page.json).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.json.apiKeys.map((k: { name: string }) => k.name)).toEqual(['c', 'b']);
    expect((await s.send('GET', '/api-key/list?sortBy=key', { cookie })).status).toBe(400);
  });

  it('refuses create without a session (401 UNAUTHORIZED_SESSION) and a client-given owner (401), writing nothing', async () => {
    const s = setup();
    const { cookie, userId } = await signedUpUser(s);
    const signedOut = await s.send('POST', '/api-key/create', { body: { name: 'x' } });
    expect([signedOut.status, signedOut.json.code]).toEqual([401, 'UNAUTHORIZED_SESSION']);
    const owner = await s.send('POST', '/api-key/create', { cookie, body: { name: 'x', userId } });
    expect([owner.status, owner.json.code]).toEqual([401, 'UNAUTHORIZED_SESSION']);
    expect(await s.keys().count({})).toBe(0);
  });

  it.each([
    ['remaining', { remaining: 10 }],
    ['refillAmount', { refillAmount: 5, refillInterval: 1000 }],
    ['rateLimitMax', { rateLimitMax: 100 }],
    ['rateLimitTimeWindow', { rateLimitTimeWindow: 1000 }],
    ['rateLimitEnabled', { rateLimitEnabled: false }],
    ['permissions', { permissions: { files: ['read'] } }],
  ])('refuses the server-only field %s from a client with 400 SERVER_ONLY_PROPERTY, on create and update, writing nothing', async (_field, fields) => {
    const s = setup();
    const { cookie, keyId } = await userWithKey(s);
    const before = await s.keys().findOne({ id: keyId });
    const created = await s.send('POST', '/api-key/create', { cookie, body: { name: 'y', ...fields } });
    expect([created.status, created.json.code]).toEqual([400, 'SERVER_ONLY_PROPERTY']);
    const updated = await s.send('POST', '/api-key/update', { cookie, body: { keyId, ...fields } });
    expect([updated.status, updated.json.code]).toEqual([400, 'SERVER_ONLY_PROPERTY']);
    expect(await s.keys().count({})).toBe(1);
    expect(await s.keys().findOne({ id: keyId })).toEqual(before);
  });

  it('accepts remaining: null from a client (the client default) and refuses bad input with clear 400s', async () => {
    const s = setup();
    const { cookie } = await signedUpUser(s);
    expect((await s.send('POST', '/api-key/create', { cookie, body: { name: 'n', remaining: null } })).status).toBe(200);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'x'.repeat(33) }, 'INVALID_NAME_LENGTH'],
      [{ metadata: 'text' }, 'INVALID_METADATA_TYPE'],
      [{ prefix: 'bad prefix!' }, 'VALIDATION_ERROR'],
      [{ prefix: 'p'.repeat(33) }, 'INVALID_PREFIX_LENGTH'],
      [{ expiresIn: 3600 }, 'EXPIRES_IN_IS_TOO_SMALL'],
      [{ expiresIn: 400 * 86_400 }, 'EXPIRES_IN_IS_TOO_LARGE'],
      [{ name: 42 }, 'VALIDATION_ERROR'],
    ];
    for (const [body, code] of cases) {
      const answer = await s.send('POST', '/api-key/create', { cookie, body });
      expect([answer.status, answer.json.code, typeof answer.json.message]).toEqual([400, code, 'string']);
    }
    expect(await s.keys().count({})).toBe(1);
    const noMetadata = makeApiKeyAuth(backend.database(), { enableMetadata: false });
    const other = await signedUpUser(noMetadata);
    const refused = await noMetadata.send('POST', '/api-key/create', { cookie: other.cookie, body: { metadata: { a: 1 } } });
    expect([refused.status, refused.json.code]).toEqual([400, 'METADATA_DISABLED']);
  });

  it("answers 404 KEY_NOT_FOUND for another user's key on get, update and delete, and changes nothing", async () => {
    const s = setup();
    const owner = await userWithKey(s);
    const intruder = await signedUpUser(s);
    const before = await s.keys().findOne({ id: owner.keyId });
    const got = await s.send('GET', `/api-key/get?id=${owner.keyId}`, { cookie: intruder.cookie });
    const updated = await s.send('POST', '/api-key/update', { cookie: intruder.cookie, body: { keyId: owner.keyId, enabled: false, name: 'mine' } });
    const deleted = await s.send('POST', '/api-key/delete', { cookie: intruder.cookie, body: { keyId: owner.keyId } });
    for (const answer of [got, updated, deleted]) expect([answer.status, answer.json.code]).toEqual([404, 'KEY_NOT_FOUND']);
    expect(await s.keys().findOne({ id: owner.keyId })).toEqual(before);
    expect((await s.withKey(owner.key, 'GET', '/get-session')).status).toBe(200);
    const unknown = await s.send('GET', '/api-key/get?id=nope', { cookie: owner.cookie });
    expect([unknown.status, unknown.json.code]).toEqual([404, 'KEY_NOT_FOUND']);
  });

  it('updates name, enabled and expiry for the owner; refuses an empty update (400 NO_VALUES_TO_UPDATE)', async () => {
    const s = setup();
    const { cookie, keyId } = await userWithKey(s);
    const renamed = await s.send('POST', '/api-key/update', { cookie, body: { keyId, name: 'renamed', enabled: false, expiresIn: 2 * 86_400 } });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ id: keyId, name: 'renamed', enabled: false });
    const expiresAt = new Date(renamed.json.expiresAt).getTime();
    expect(Math.abs(expiresAt - (Date.now() + 2 * 86_400_000))).toBeLessThan(60_000);
    expect(await s.keys().findOne({ id: keyId })).toMatchObject({ name: 'renamed', enabled: false });
    const empty = await s.send('POST', '/api-key/update', { cookie, body: { keyId } });
    expect([empty.status, empty.json.code]).toEqual([400, 'NO_VALUES_TO_UPDATE']);
    const cleared = await s.send('POST', '/api-key/update', { cookie, body: { keyId, expiresIn: null } });
    expect(cleared.json.expiresAt).toBeNull();
  });

  it('deletes the owner\'s key: { success: true }, and the key authenticates no more', async () => {
    const s = setup();
    const { cookie, keyId, key } = await userWithKey(s);
    const deleted = await s.send('POST', '/api-key/delete', { cookie, body: { keyId } });
    expect([deleted.status, deleted.json]).toEqual([200, { success: true }]);
    expect(await s.keys().count({ id: keyId })).toBe(0);
    const refused = await s.withKey(key, 'GET', '/get-session');
    expect([refused.status, refused.json.code]).toEqual([401, 'INVALID_API_KEY']);
    const again = await s.send('POST', '/api-key/delete', { cookie, body: { keyId } });
    expect([again.status, again.json.code]).toEqual([404, 'KEY_NOT_FOUND']);
  });
});
