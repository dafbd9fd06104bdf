import { describeOnEveryBackend } from '../support/backends';
import { makeApiKeyAuth, signedUpUser, type ApiKeySetup } from './api-key-auth';

describeOnEveryBackend('ApiKeyPlugin: requests authenticated by a key', (backend) => {
  const setup = (options: Parameters<typeof makeApiKeyAuth>[1] = {}) => makeApiKeyAuth(backend.database(), options);

  /** A user and a key the server made for it (server-only fields allowed). */
  async function serverKey(s: ApiKeySetup, fields: Record<string, unknown> = {}) {
    const user = await signedUpUser(s);
    const created = await s.auth.api.apiKey.create({ userId: user.userId, name: 'svc', ...fields });
    return { ...user, key: created.key as string, keyId: created.id as string };
  }

  it("runs get-session as the key's owner without echoing the key or its digest, with no cookie and a sensible expiresAt", async () => {
    const s = setup();
    const { key, keyId, userId } = await serverKey(s, { expiresIn: 3 * 86_400 });
    const stored = await s.keys().findOne({ id: keyId });
    const answer = await s.withKey(key, 'GET', '/get-session');
    expect(answer.status).toBe(200);
    expect(answer.json.user.id).toBe(userId);
    expect(answer.json.session).toMatchObject({ id: keyId, userId, token: '' });
    const everything = JSON.stringify(answer.json) + JSON.stringify([...answer.headers.entries()]);
    expect(everything).not.toContain(key);
    expect(everything).not.toContain(stored!.key);
    expect(answer.headers.get('set-auth-token')).toBeNull();
    expect(answer.headers.get('set-cookie')).toBeNull();
    // The key's own end (3 days) comes before the session lifetime (7 days).
    const expiresAt = new Date(answer.json.session.expiresAt).getTime();
    expect(Math.abs(expiresAt - stored!.expiresAt!.getTime())).toBeLessThan(1000);
    const forever = await serverKey(s);
    const lasting = await s.withKey(forever.key, 'GET', '/get-session');
    expect(Math.abs(new Date(lasting.json.session.expiresAt).getTime() - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
    // Nothing was stored as a session for it.
    expect(await s.database.listSessionsForUser(userId)).toHaveLength(1);
  });

  it('serves the server API too: auth.api.getSession with the key header', async () => {
    const s = setup();
    const { key, userId } = await serverKey(s);
    const found = await s.auth.api.getSession({ headers: { 'x-api-key': key } });
    expect(found && s.auth.context.models.user.read(found.user as object, 'id')).toBe(userId);
    await expect(s.auth.api.getSession({ headers: { 'x-api-key': 'x'.repeat(64) } })).rejects.toMatchObject({ code: 'INVALID_API_KEY' });
  });

  it('cannot create, update or delete API keys with a key-authenticated request (403), so a leaked key mints no successor', async () => {
    const s = setup();
    const { key, keyId } = await serverKey(s, { expiresIn: 86_400 });
    const before = await s.keys().findOne({ id: keyId });
    const created = await s.withKey(key, 'POST', '/api-key/create', { body: { name: 'successor' } });
    const updated = await s.withKey(key, 'POST', '/api-key/update', { body: { keyId, expiresIn: null, enabled: true } });
    const deleted = await s.withKey(key, 'POST', '/api-key/delete', { body: { keyId } });
    for (const answer of [created, updated, deleted]) expect([answer.status, answer.json.code]).toEqual([403, 'API_KEY_CANNOT_MANAGE_API_KEYS']);
    expect(await s.keys().count({})).toBe(1);
    expect(await s.keys().findOne({ id: keyId })).toMatchObject({ expiresAt: before!.expiresAt, name: before!.name });
    // Reading is allowed: the list carries no key.
    const listed = await s.withKey(key, 'GET', '/api-key/list');
    expect([listed.status, listed.json.total]).toEqual([200, 1]);
  });

  it('refuses unknown (401 INVALID_API_KEY), too short (403), disabled (401 KEY_DISABLED) and expired (401 KEY_EXPIRED) keys', async () => {
    const s = setup();
    const { key, keyId, cookie } = await serverKey(s);
    const unknown = await s.withKey('Z'.repeat(64), 'GET', '/get-session');
    expect([unknown.status, unknown.json.code]).toEqual([401, 'INVALID_API_KEY']);
    const short = await s.withKey('short', 'GET', '/get-session');
    expect([short.status, short.json.code]).toEqual([403, 'INVALID_API_KEY']);
    await s.send('POST', '/api-key/update', { cookie, body: { keyId, enabled: false } });
    const disabled = await s.withKey(key, 'GET', '/get-session');
    expect([disabled.status, disabled.json.code, disabled.json.message]).toEqual([401, 'KEY_DISABLED', 'API Key is disabled']);
    await s.send('POST', '/api-key/update', { cookie, body: { keyId, enabled: true } });
    await s.keys().update({ id: keyId }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await s.withKey(key, 'GET', '/get-session');
    expect([expired.status, expired.json.code]).toEqual([401, 'KEY_EXPIRED']);
    // Kept, not deleted: the owner still sees it.
    expect(await s.keys().count({ id: keyId })).toBe(1);
  });

  it('falls through to the session cookie when no key header is sent, and ignores the header without enableSessionForAPIKeys', async () => {
    const s = setup();
    const { cookie, userId } = await serverKey(s);
    const byCookie = await s.send('GET', '/get-session', { cookie });
    expect(byCookie.json.user.id).toBe(userId);
    const off = makeApiKeyAuth(backend.database(), { enableSessionForAPIKeys: false });
    const other = await serverKey(off);
    const ignored = await off.withKey(other.key, 'GET', '/get-session');
    expect([ignored.status, ignored.json]).toEqual([200, null]);
  });

  it('puts no surprising cap on a key by default: 25 requests in a row all pass (better-auth stops at 10 a day)', async () => {
    const s = setup();
    const { key, keyId } = await serverKey(s);
    for (let i = 0; i < 25; i += 1) expect((await s.withKey(key, 'GET', '/get-session')).status).toBe(200);
    expect(await s.keys().findOne({ id: keyId })).toMatchObject({ rateLimitMax: null, rateLimitTimeWindow: null });
  });

  it("spends one key's remaining exactly when 20 requests race: 5 pass, 15 get 429 USAGE_EXCEEDED, never below zero", async () => {
    const s = setup();
    const { key, keyId } = await serverKey(s, { remaining: 5 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => s.withKey(key, 'GET', '/get-session')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.map((a) => [a.status, a.json.code])).toEqual(Array(15).fill([429, 'USAGE_EXCEEDED']));
    expect((await s.keys().findOne({ id: keyId }))!.remaining).toBe(0);
  });

  it('keeps the quota exact across two instances on one database (two processes): 20 racing requests, 6 pass', async () => {
    const s = setup();
    const other = makeApiKeyAuth(s.database);
    const { key, keyId } = await serverKey(s, { remaining: 6 });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : s).withKey(key, 'GET', '/get-session')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(6);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(14);
    expect((await s.keys().findOne({ id: keyId }))!.remaining).toBe(0);
  });

  it('holds a per-key rate limit exactly when 20 requests race: 4 pass, 16 get 429 RATE_LIMITED with Retry-After', async () => {
    const s = setup();
    const { key, keyId } = await serverKey(s, { rateLimitMax: 4, rateLimitTimeWindow: 60_000 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => s.withKey(key, 'GET', '/get-session')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(4);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.map((a) => [a.status, a.json.code])).toEqual(Array(16).fill([429, 'RATE_LIMITED']));
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await s.keys().findOne({ id: keyId }))!.requestCount).toBe(4);
  });

  it('opens a new window once the old one passed', async () => {
    const s = setup();
    const { key } = await serverKey(s, { rateLimitMax: 2, rateLimitTimeWindow: 400 });
    await new Promise((resolve) => setTimeout(resolve, 400 - (Date.now() % 400) + 5));
    expect((await s.withKey(key, 'GET', '/get-session')).status).toBe(200);
    expect((await s.withKey(key, 'GET', '/get-session')).status).toBe(200);
    expect((await s.withKey(key, 'GET', '/get-session')).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 400 - (Date.now() % 400) + 5));
    expect((await s.withKey(key, 'GET', '/get-session')).status).toBe(200);
  });

  it('refills remaining once its interval passed, once even when 10 requests race for the refill', async () => {
    const s = setup();
    const { key, keyId } = await serverKey(s, { refillAmount: 3, refillInterval: 300 });
    expect((await s.keys().findOne({ id: keyId }))!.remaining).toBe(3);
    for (let i = 0; i < 3; i += 1) expect((await s.withKey(key, 'GET', '/get-session')).status).toBe(200);
    const empty = await s.withKey(key, 'GET', '/get-session');
    expect([empty.status, empty.json.code]).toEqual([429, 'USAGE_EXCEEDED']);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const answers = await Promise.all(Array.from({ length: 10 }, () => s.withKey(key, 'GET', '/get-session')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    const row = await s.keys().findOne({ id: keyId });
    expect(row!.remaining).toBe(0);
    expect(row!.lastRefillAt).not.toBeNull();
  });

  it('checks permissions with auth.api.apiKey.verify, spending a use only when the key passes', async () => {
    const s = setup();
    const { key, keyId, userId } = await serverKey(s, { permissions: { files: ['read', 'write'] }, remaining: 10 });
    await expect(s.auth.api.apiKey.verify({ key, permissions: { files: ['read'] } })).resolves.toMatchObject({ valid: true, error: null, key: { id: keyId, userId, remaining: 9, permissions: { files: ['read', 'write'] } } });
    await expect(s.auth.api.apiKey.verify({ key, permissions: { files: ['delete'] } })).resolves.toEqual({ valid: false, error: { code: 'KEY_NOT_FOUND', message: 'API Key not found' }, key: null });
    await expect(s.auth.api.apiKey.verify({ key, permissions: { billing: ['read'] } })).resolves.toMatchObject({ valid: false });
    await expect(s.auth.api.apiKey.verify({ key: 'nope' })).resolves.toMatchObject({ valid: false, error: { code: 'INVALID_API_KEY' } });
    expect((await s.keys().findOne({ id: keyId }))!.remaining).toBe(9);
    const bare = await serverKey(s);
    await expect(s.auth.api.apiKey.verify({ key: bare.key, permissions: { files: ['read'] } })).resolves.toMatchObject({ valid: false, error: { code: 'KEY_NOT_FOUND' } });
    const verified = await s.auth.api.apiKey.verify({ key: bare.key });
    expect(JSON.stringify(verified)).not.toContain(bare.key);
  });

  it('lets the server set quotas and permissions with auth.api.apiKey.update, only on the owner\'s key', async () => {
    const s = setup();
    const { key, keyId, userId } = await serverKey(s);
    const other = await signedUpUser(s);
    await expect(s.auth.api.apiKey.update({ userId: other.userId, keyId, remaining: 1 })).rejects.toMatchObject({ code: 'KEY_NOT_FOUND' });
    await expect(s.auth.api.apiKey.create({ userId: 'no-such-user', name: 'x' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await s.keys().count({ referenceId: 'no-such-user' })).toBe(0);
    await expect(s.auth.api.apiKey.update({ userId, keyId, remaining: 1, permissions: { files: ['read'] } })).resolves.toMatchObject({ remaining: 1, permissions: { files: ['read'] } });
    expect((await s.withKey(key, 'GET', '/get-session')).status).toBe(200);
    expect((await s.withKey(key, 'GET', '/get-session')).status).toBe(429);
  });
});
