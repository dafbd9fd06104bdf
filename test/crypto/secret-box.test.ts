import { KeyedDigest, SecretBox } from 'better-auth-entities';
import { TEST_SECRET } from '../support/test-auth';

describe('SecretBox (AES-256-GCM, key derived from the auth secret per purpose)', () => {
  const box = new SecretBox(TEST_SECRET, 'test:purpose');

  it('opens what it sealed; each seal is different (random IV) and hides the plaintext', () => {
    const first = box.seal('JBSWY3DPEHPK3PXP');
    const second = box.seal('JBSWY3DPEHPK3PXP');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(first).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(first)).toBe('JBSWY3DPEHPK3PXP');
    expect(box.open(second)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses an altered value, another secret, another purpose and values it never sealed', () => {
    const sealed = box.seal('secret value');
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(box.open(`v1:${bytes.toString('base64url')}`)).toBeNull();
    expect(new SecretBox(`${TEST_SECRET}-other`, 'test:purpose').open(sealed)).toBeNull();
    expect(new SecretBox(TEST_SECRET, 'test:other-purpose').open(sealed)).toBeNull();
    for (const foreign of ['', 'v1:', 'v1:abc', 'plain text', 'v2:' + sealed.slice(3)]) expect(box.open(foreign)).toBeNull();
  });
});

describe('KeyedDigest', () => {
  it('is stable for one secret and purpose, and differs with either', () => {
    const digest = new KeyedDigest(TEST_SECRET, 'test:codes');
    expect(digest.of('abcde-12345')).toBe(digest.of('abcde-12345'));
    expect(digest.of('abcde-12345')).toMatch(/^[0-9a-f]{64}$/);
    expect(digest.of('abcde-12345')).not.toBe(digest.of('abcde-12346'));
    expect(new KeyedDigest(TEST_SECRET, 'test:other').of('abcde-12345')).not.toBe(digest.of('abcde-12345'));
    expect(new KeyedDigest(`${TEST_SECRET}-other`, 'test:codes').of('abcde-12345')).not.toBe(digest.of('abcde-12345'));
  });
});
