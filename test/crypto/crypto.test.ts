import { CookieSigner, digestToken, generateSessionToken, ScryptPasswordHasher } from 'better-auth-entities';

describe('ScryptPasswordHasher', () => {
  const hasher = new ScryptPasswordHasher();

  it('writes saltHex:keyHex with a 16-byte salt and a 64-byte key', async () => {
    expect(await hasher.hash('a password')).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/);
  });

  it('salts every hash, verifies the right password and refuses a wrong one', async () => {
    const [first, second] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);
    expect(first).not.toBe(second);
    expect(await hasher.verify(first, 'same password')).toBe(true);
    expect(await hasher.verify(first, 'same passworD')).toBe(false);
  });

  it('treats NFKC-equivalent passwords as the same password', async () => {
    const hash = await hasher.hash('ﬁle');
    expect(await hasher.verify(hash, 'file')).toBe(true);
  });

  it('answers false, not an exception, for malformed stored hashes', async () => {
    for (const stored of ['', 'nocolon', 'abc:', ':def', 'aa:bb']) expect(await hasher.verify(stored, 'x')).toBe(false);
  });

  it('keeps the event loop free while hashing', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    await Promise.all([hasher.hash('one'), hasher.hash('two')]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
  });
});

describe('session tokens', () => {
  it('are 256-bit base64url strings, all different', () => {
    const tokens = new Set(Array.from({ length: 1000 }, generateSessionToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are stored as their SHA-256 hex digest', () => {
    expect(digestToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('CookieSigner', () => {
  const signer = new CookieSigner('a-secret-that-is-at-least-thirty-two-chars');

  it('round-trips a signed value', () => {
    expect(signer.verify(signer.sign('token-123'))).toBe('token-123');
  });

  it('refuses a changed value, a changed signature, another secret’s signature and garbage', () => {
    const signed = signer.sign('token-123');
    const other = new CookieSigner('another-secret-that-is-at-least-thirty-two');
    expect(signer.verify(signed.replace('token-123', 'token-124'))).toBeNull();
    expect(signer.verify(`${signed.slice(0, -2)}A=`)).toBeNull();
    expect(signer.verify(other.sign('token-123'))).toBeNull();
    for (const garbage of ['', '.', 'no-dot', '.sig', 'a.b.c']) expect(signer.verify(garbage)).toBeNull();
  });

  it('remembers only values it verified: once a value passed, its altered forms and other secrets still fail', () => {
    const fresh = new CookieSigner('a-secret-that-is-at-least-thirty-two-chars');
    const signed = fresh.sign('token-123');
    expect(fresh.verify(signed)).toBe('token-123');
    expect(fresh.verify(signed)).toBe('token-123'); // the remembered answer is the same
    expect(fresh.rememberedCount).toBe(1);
    expect(fresh.verify(`${signed.slice(0, -2)}A=`)).toBeNull();
    expect(fresh.verify(signed.replace('token-123', 'token-124'))).toBeNull();
    expect(fresh.verify(new CookieSigner('another-secret-that-is-at-least-thirty-two').sign('token-123'))).toBeNull();
    expect(fresh.rememberedCount).toBe(1); // failures are never stored
    // Another signer with another secret does not know the first one's values.
    expect(new CookieSigner('another-secret-that-is-at-least-thirty-two').verify(signed)).toBeNull();
  });

  it('remembers a bounded number of values and keeps verifying past the bound', () => {
    const small = new CookieSigner('a-secret-that-is-at-least-thirty-two-chars', 3);
    const values = Array.from({ length: 10 }, (_, i) => `token-${i}`);
    for (const value of values) expect(small.verify(small.sign(value))).toBe(value);
    expect(small.rememberedCount).toBeLessThanOrEqual(3);
    for (const value of values) expect(small.verify(small.sign(value))).toBe(value);
    expect(small.rememberedCount).toBeLessThanOrEqual(3);
  });
});
