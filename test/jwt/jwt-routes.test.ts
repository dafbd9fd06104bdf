import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describeOnEveryBackend } from '../support/backends';
import { call, ORIGIN, TEST_SECRET } from '../support/test-auth';
import { makeJwtAuth, verifyWithKeySet, type JwtSetup } from './jwt-auth';

describeOnEveryBackend('JwtPlugin routes', (backend) => {
  const setup = (...args: Parameters<typeof makeJwtAuth> extends [unknown, ...infer R] ? R : never) => makeJwtAuth(backend.database(), ...args);

  it("GET /token answers a JWT of the session user: public fields, sub, iat, exp in 15 minutes, iss and aud from baseURL", async () => {
    const s = setup();
    const { cookie, user } = await s.signUp();
    const token = await s.token(cookie);
    const claims = await verifyWithKeySet(token, await s.jwks());
    expect(claims).toMatchObject({ sub: user.id, id: user.id, email: user.email, name: 'Test User', emailVerified: false, iss: ORIGIN, aud: ORIGIN });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(5);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'EdDSA', typ: 'JWT' });
  });

  it('GET /token without a session answers 401 UNAUTHORIZED and makes no key', async () => {
    const s = setup();
    const answer = await call(s.handler, 'GET', '/token');
    expect([answer.status, answer.json.code]).toEqual([401, 'UNAUTHORIZED']);
    expect(await s.keyRows()).toEqual([]);
  });

  it('GET /jwks publishes the public key with kid, alg and crv, and no private member', async () => {
    const s = setup();
    const { cookie } = await s.signUp();
    const token = await s.token(cookie);
    const { keys } = await s.jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toEqual({ kid: decodeProtectedHeader(token).kid, alg: 'EdDSA', crv: 'Ed25519', kty: 'OKP', x: expect.any(String) });
    expect(Object.keys(keys[0]!)).not.toContain('d');
  });

  it('GET /jwks before any token makes the first key, so verifiers see it before it signs anything', async () => {
    const s = setup();
    const { keys } = await s.jwks();
    expect(keys).toHaveLength(1);
    const { cookie } = await s.signUp();
    expect(decodeProtectedHeader(await s.token(cookie)).kid).toBe(keys[0]!.kid);
  });

  it('jwksPath moves the key set: the new path answers it, /jwks answers 404', async () => {
    const s = setup({ jwks: { jwksPath: '/.well-known/jwks.json' } });
    const moved = await call(s.handler, 'GET', '/.well-known/jwks.json');
    expect(moved.status).toBe(200);
    expect(moved.json.keys).toHaveLength(1);
    expect((await call(s.handler, 'GET', '/jwks')).status).toBe(404);
  });

  it('keeps the private key sealed in the jwks table: no private JWK member in clear, and it opens only with the secret', async () => {
    const database = backend.database(); // one storage for both instances (memory makes a new one per call)
    const s = makeJwtAuth(database);
    const { cookie } = await s.signUp();
    await s.token(cookie);
    const [row] = await s.keyRows();
    expect(String(row!.privateKey)).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(String(row!.privateKey)).not.toContain('"d"');
    expect(JSON.parse(String(row!.publicKey))).not.toHaveProperty('d');
    // The same table under another secret cannot sign with the key: that instance makes a key of its own,
    // and says so once in its log, naming the key by id and nothing of the secret or the key.
    const logged: string[] = [];
    const secret = `${TEST_SECRET}-other`;
    const other = makeJwtAuth(database, {}, { secret, logger: { error: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) } });
    const second = await other.signUp();
    const kid = decodeProtectedHeader(await other.token(second.cookie)).kid;
    expect(kid).not.toBe(row!.id);
    await other.token(second.cookie);
    expect(logged.filter((line) => line.includes(String(row!.id)))).toHaveLength(1);
    expect(logged.join('\n')).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(String(row!.privateKey).slice(3, 20));
  });

  it('get-session answers set-auth-jwt with the session JWT, and nothing without a session', async () => {
    const s = setup();
    const { cookie, user } = await s.signUp();
    const answer = await call(s.handler, 'GET', '/get-session', { cookie });
    expect(answer.status).toBe(200);
    const jwt = answer.headers.get('set-auth-jwt');
    expect(jwt).toBeTruthy();
    expect(await verifyWithKeySet(jwt!, await s.jwks())).toMatchObject({ sub: user.id, email: user.email });
    const signedOut = await call(s.handler, 'GET', '/get-session');
    expect(signedOut.json).toBeNull();
    expect(signedOut.headers.get('set-auth-jwt')).toBeNull();
  });

  it('disableSettingJwtHeader leaves get-session without set-auth-jwt; /token still answers', async () => {
    const s = setup({ disableSettingJwtHeader: true });
    const { cookie } = await s.signUp();
    expect((await call(s.handler, 'GET', '/get-session', { cookie })).headers.get('set-auth-jwt')).toBeNull();
    expect(await s.token(cookie)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('a JWT is never a session credential: as a Bearer token it opens no session on get-session nor /token', async () => {
    const s = setup();
    const { cookie } = await s.signUp();
    const jwt = await s.token(cookie);
    const session = await call(s.handler, 'GET', '/get-session', { bearer: jwt });
    expect([session.status, session.json]).toEqual([200, null]);
    expect(session.headers.get('set-auth-jwt')).toBeNull();
    const token = await call(s.handler, 'GET', '/token', { bearer: jwt });
    expect(token.status).toBe(401);
  });

  it('a token of a revoked session is no longer issued: /token with the old cookie answers 401', async () => {
    const s = setup();
    const { cookie } = await s.signUp();
    await s.token(cookie);
    expect((await call(s.handler, 'POST', '/sign-out', { cookie })).status).toBe(200);
    expect((await call(s.handler, 'GET', '/token', { cookie })).status).toBe(401);
  });

  it('CORS lets a trusted origin read set-auth-jwt beside set-auth-token', async () => {
    const s = setup({}, { trustedOrigins: ['https://app.example.com'] });
    const { cookie } = await s.signUp();
    const answer = await call(s.handler, 'GET', '/get-session', { cookie, origin: 'https://app.example.com' });
    expect(answer.headers.get('access-control-expose-headers')).toBe('set-auth-token, set-auth-jwt');
    const untrusted = await call(s.handler, 'GET', '/get-session', { cookie, origin: 'https://evil.example.com' });
    expect(untrusted.headers.get('access-control-expose-headers')).toBeNull();
  });

  it('parallel first /token calls make one key, and every token carries its kid', async () => {
    const s = setup();
    const { cookie } = await s.signUp();
    const tokens = await Promise.all(Array.from({ length: 12 }, () => s.token(cookie)));
    const rows = await s.keyRows();
    expect(rows).toHaveLength(1);
    expect(new Set(tokens.map((token) => decodeProtectedHeader(token).kid))).toEqual(new Set([rows[0]!.id]));
  });

  it('auth.api.jwt signs and verifies; a tampered, foreign, wrong-audience or expired token verifies to null', async () => {
    const s = setup();
    const api = s.auth.api.jwt;
    const token = await api.sign({ sub: 'service-1', scope: 'reports:read' });
    expect(await api.verify(token)).toMatchObject({ sub: 'service-1', scope: 'reports:read', iss: ORIGIN, aud: ORIGIN });
    const [head, body, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(token), sub: 'admin' })).toString('base64url');
    expect(await api.verify(`${head}.${forged}.${signature}`)).toBeNull();
    expect(await api.verify(`${head}.${body}.${signature!.slice(0, -4)}AAAA`)).toBeNull();
    expect(await api.verify(token, { audience: 'https://other.example.com' })).toBeNull();
    expect(await api.verify(await api.sign({ sub: 'x', exp: Math.floor(Date.now() / 1000) - 10 }))).toBeNull();
    expect(await api.verify('not-a-jwt')).toBeNull();
    const foreign = makeJwtAuth(backend.database(), {}, { secret: `${TEST_SECRET}-foreign`, baseURL: ORIGIN, logger: { error: () => {}, warn: () => {} } });
    // A key this instance never published: its kid is unknown here even if the rows were shared.
    const foreignToken = await foreign.auth.api.jwt.sign({ sub: 'x', iss: ORIGIN, aud: ORIGIN }).then((t) => t.replace(/^[^.]+/, Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'unknown-kid' })).toString('base64url')));
    expect(await api.verify(foreignToken)).toBeNull();
  });

  it("refuses algorithm confusion: an unsigned token or one MACed with the published key under the real kid verifies to null", async () => {
    const s = setup();
    const api = s.auth.api.jwt;
    const genuine = await api.sign({ sub: 'user-1' });
    const { kid } = decodeProtectedHeader(genuine);
    const { keys } = await s.jwks();
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = encode({ sub: 'admin', iss: ORIGIN, aud: ORIGIN, exp: Math.floor(Date.now() / 1000) + 600 });
    expect(await api.verify(`${encode({ alg: 'none', kid })}.${claims}.`)).toBeNull();
    const head = encode({ alg: 'HS256', kid });
    const { createHmac } = await import('node:crypto');
    for (const secret of [JSON.stringify(keys[0]), String(keys[0]!.x)]) {
      const mac = createHmac('sha256', secret).update(`${head}.${claims}`).digest('base64url');
      expect(await api.verify(`${head}.${claims}.${mac}`)).toBeNull();
    }
    expect(await api.verify(genuine)).not.toBeNull();
  });

  it('definePayload, getSubject, issuer, audience and expirationTime shape the claims', async () => {
    const s = setup({
      jwt: {
        definePayload: ({ user, session }) => ({ email: user.email, sessionId: session.id, hasToken: 'token' in session }),
        getSubject: ({ user }) => `user:${String(user.id)}`,
        issuer: 'https://issuer.example.com',
        audience: 'https://api.example.com',
        expirationTime: '1h',
      },
    });
    const { cookie, user } = await s.signUp();
    const claims = await verifyWithKeySet(await s.token(cookie), await s.jwks(), { issuer: 'https://issuer.example.com', audience: 'https://api.example.com' });
    expect(claims).toMatchObject({ sub: `user:${user.id}`, email: user.email, sessionId: expect.any(String), hasToken: false });
    expect(claims).not.toHaveProperty('name');
    expect(claims.exp! - claims.iat!).toBe(3600);
  });
});

describe('JwtPlugin key algorithms', () => {
  const { MemoryDatabaseAdapter } = jest.requireActual('better-auth-entities/adapters');
  const { appEntities } = jest.requireActual('../../examples/entities');
  const cases = [
    ['ES256', { alg: 'ES256' }, { kty: 'EC', crv: 'P-256' }],
    ['ES512', { alg: 'ES512' }, { kty: 'EC', crv: 'P-521' }],
    ['RS256', { alg: 'RS256' }, { kty: 'RSA', e: 'AQAB' }],
    ['PS256', { alg: 'PS256', modulusLength: 2048 }, { kty: 'RSA' }],
  ] as const;
  it.each(cases)('%s on request: the token header, the published key and verification agree', async (alg, keyPairConfig, shape) => {
    const s: JwtSetup = makeJwtAuth(new MemoryDatabaseAdapter(appEntities), { jwks: { keyPairConfig } });
    const { cookie, user } = await s.signUp();
    const token = await s.token(cookie);
    const { keys } = await s.jwks();
    expect(decodeProtectedHeader(token)).toMatchObject({ alg, kid: keys[0]!.kid });
    expect(keys[0]).toMatchObject({ alg, ...shape });
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(keys[0]).not.toHaveProperty(member);
    expect((await verifyWithKeySet(token, { keys })).sub).toBe(user.id);
  });

  it('refuses an unknown algorithm, a bad lifetime or a bad jwks path when the plugin is made', () => {
    const { JwtPlugin } = jest.requireActual('better-auth-entities/plugins');
    expect(() => new JwtPlugin({ jwks: { keyPairConfig: { alg: 'HS256' } } })).toThrow(/keyPairConfig.alg/);
    expect(() => new JwtPlugin({ jwt: { expirationTime: '-5m' } })).toThrow(/expirationTime/);
    expect(() => new JwtPlugin({ jwt: { expirationTime: 0 } })).toThrow(/expirationTime/);
    expect(() => new JwtPlugin({ jwks: { jwksPath: 'jwks' } })).toThrow(/jwksPath/);
    expect(() => new JwtPlugin({ jwks: { rotationInterval: -1 } })).toThrow(/rotationInterval/);
  });
});
