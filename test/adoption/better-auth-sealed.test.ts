import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { looksBetterAuthSealed, openBetterAuthSealed } from '../../src/crypto/better-auth-sealed';

// Values sealed by better-auth 1.7's own `symmetricEncrypt` (ESM-only: sealed by a child process), bare and in its
// `$ba$<version>$` envelope, under the secret below.
const SECRET = 'the-secret-better-auth-sealed-with-0123456789';
const SCRIPT = `
import { symmetricEncrypt } from 'better-auth/crypto';
const [secret, ...values] = process.argv.slice(2);
const out = [];
for (const data of values) {
  out.push({ data, bare: await symmetricEncrypt({ key: secret, data }), envelope: await symmetricEncrypt({ key: { keys: new Map([[3, secret]]), currentVersion: 3 }, data }) });
}
process.stdout.write(JSON.stringify(out));
`;

function sealedByBetterAuth(values: string[]): Array<{ data: string; bare: string; envelope: string }> {
  // Written beside the tests so that `better-auth` resolves from the repository's node_modules.
  const dir = mkdtempSync(join(__dirname, '.sealed-'));
  try {
    writeFileSync(join(dir, 'seal.mjs'), SCRIPT);
    return JSON.parse(execFileSync(process.execPath, [join(dir, 'seal.mjs'), SECRET, ...values], { encoding: 'utf8' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("opening better-auth's sealed values (XChaCha20-Poly1305 under SHA-256 of the secret)", () => {
  const values = ['JBSWY3DPEHPK3PXP4XZQ2ABCDEFGHIJK', '["ab1cD-ef2Gh","Zx9yW-vu8Ts"]', 'ünïcødé ✓', ''];
  const sealed = sealedByBetterAuth(values);

  it('opens what better-auth sealed, bare and in its versioned envelope, to the same text', () => {
    for (const { data, bare, envelope } of sealed) {
      expect(openBetterAuthSealed(SECRET, bare)).toBe(data);
      expect(openBetterAuthSealed(SECRET, envelope)).toBe(data);
      expect(looksBetterAuthSealed(bare)).toBe(true);
    }
  });

  it('opens nothing under another secret, or once a single character changed', () => {
    const { bare } = sealed[0]!;
    expect(openBetterAuthSealed(`${SECRET}x`, bare)).toBeNull();
    const flipped = `${bare.slice(0, 60)}${bare[60] === '0' ? '1' : '0'}${bare.slice(61)}`;
    expect(openBetterAuthSealed(SECRET, flipped)).toBeNull();
  });

  it('opens nothing that is not hex of the right length (a plain provider token, our own sealed values)', () => {
    for (const value of ['gho_plainAccessToken', 'v1:abcdef', 'abcd', '']) expect(openBetterAuthSealed(SECRET, value)).toBeNull();
    expect(looksBetterAuthSealed('gho_plainAccessToken')).toBe(false);
  });
});
