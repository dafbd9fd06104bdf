import { decodeProtectedHeader } from 'jose';
import { describeOnEveryBackend } from '../support/backends';
import { makeJwtAuth, sleep, verifyWithKeySet } from './jwt-auth';

describeOnEveryBackend('JwtPlugin keys', (backend) => {
  it('two instances on one database racing for the first key: every token verifies against /jwks, and fresh instances agree on one key', async () => {
    const database = backend.database(); // one storage (the memory backend makes a new one per call)
    const [a, b] = [makeJwtAuth(database), makeJwtAuth(database)];
    const [userA, userB] = [await a.signUp(), await b.signUp()];
    // Neither instance has a key yet: both find none, both may insert one, and they settle by one rule.
    const tokens = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a.token(userA.cookie) : b.token(userB.cookie))));
    const jwks = await a.jwks();
    for (const token of tokens) await expect(verifyWithKeySet(token, jwks)).resolves.toMatchObject({ sub: expect.any(String) });
    const rows = await a.keyRows();
    const live = rows.filter((row) => row.expiresAt === null);
    expect(live.length).toBeGreaterThanOrEqual(1);
    // A key that lost the race is retired, never deleted: whatever it signed stays verifiable.
    expect(new Set(jwks.keys.map((key) => key.kid))).toEqual(new Set(rows.map((row) => String(row.id))));
    const [c, d] = [makeJwtAuth(database), makeJwtAuth(database)];
    const [kidC, kidD] = await Promise.all([c.token(userA.cookie), d.token(userB.cookie)].map(async (t) => decodeProtectedHeader(await t).kid));
    expect(kidC).toBe(kidD);
    expect(rows.map((row) => String(row.id))).toContain(kidC);
  });

  it('rotation: after rotationInterval a new key signs; the old token verifies during the grace period and fails after', async () => {
    const s = makeJwtAuth(backend.database(), { jwks: { rotationInterval: 1, gracePeriod: 1 } });
    const { cookie } = await s.signUp();
    const before = await s.token(cookie);
    const oldKid = decodeProtectedHeader(before).kid;
    await sleep(1_150);
    const after = await s.token(cookie);
    const newKid = decodeProtectedHeader(after).kid;
    expect(newKid).not.toBe(oldKid);
    const overlap = await s.jwks();
    expect(overlap.keys.map((key) => key.kid).sort()).toEqual([oldKid, newKid].sort());
    await expect(verifyWithKeySet(before, overlap)).resolves.toMatchObject({ sub: expect.any(String) });
    expect(await s.auth.api.jwt.verify(before)).not.toBeNull();
    await sleep(1_100);
    const later = await s.jwks();
    expect(later.keys.map((key) => key.kid)).not.toContain(oldKid);
    await expect(verifyWithKeySet(before, later)).rejects.toThrow();
    expect(await s.auth.api.jwt.verify(before)).toBeNull();
    expect(await s.auth.api.jwt.verify(after)).not.toBeNull();
  });

  it('rotation publishes the next key before it signs: a key set fetched before the switch verifies the first tokens of the new key', async () => {
    // 4 s keys: the successor is published 2 s (half an interval) before the switch.
    const s = makeJwtAuth(backend.database(), { jwks: { rotationInterval: 4, gracePeriod: 60 } });
    const { cookie } = await s.signUp();
    const first = decodeProtectedHeader(await s.token(cookie)).kid;
    await sleep(2_300);
    expect(decodeProtectedHeader(await s.token(cookie)).kid).toBe(first); // still the current key…
    const fetchedBefore = await s.jwks(); // …while its successor is published already
    expect(fetchedBefore.keys).toHaveLength(2);
    await sleep(2_000);
    const afterSwitch = await s.token(cookie);
    expect(decodeProtectedHeader(afterSwitch).kid).not.toBe(first);
    await expect(verifyWithKeySet(afterSwitch, fetchedBefore)).resolves.toMatchObject({ sub: expect.any(String) });
    expect(await s.keyRows()).toHaveLength(2);
  });

  it('auth.api.jwt.rotate retires the signing key at once; it stays published for the grace period', async () => {
    const s = makeJwtAuth(backend.database());
    const { cookie } = await s.signUp();
    const before = await s.token(cookie);
    const { kid } = await s.auth.api.jwt.rotate();
    const after = await s.token(cookie);
    expect(decodeProtectedHeader(after).kid).toBe(kid);
    expect(kid).not.toBe(decodeProtectedHeader(before).kid);
    const jwks = await s.jwks();
    await expect(verifyWithKeySet(before, jwks)).resolves.toBeTruthy();
    await expect(verifyWithKeySet(after, jwks)).resolves.toBeTruthy();
  });
});
