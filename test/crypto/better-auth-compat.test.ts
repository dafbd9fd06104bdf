import { execFileSync } from 'node:child_process';
import { CookieSigner, ScryptPasswordHasher } from 'better-auth-entities';

// better-auth is ESM-only: its own functions run in a child process and report back as JSON.
function betterAuth<T>(script: string): T {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output) as T;
}

const SECRET = 'compat-secret-with-more-than-thirty-two-chars';
const PASSWORD = 'pässwörd ﬁ with compatibility characters';

describe('compatibility with better-auth’s own crypto', () => {
  it('verifies a password hash made by better-auth, and better-auth verifies ours', async () => {
    const ours = await new ScryptPasswordHasher().hash(PASSWORD);
    const theirs = betterAuth<{ hash: string; verifiesOurs: boolean; rejectsWrong: boolean }>(`
      import { hashPassword, verifyPassword } from 'better-auth/crypto';
      const hash = await hashPassword(${JSON.stringify(PASSWORD)});
      const verifiesOurs = await verifyPassword({ hash: ${JSON.stringify(ours)}, password: ${JSON.stringify(PASSWORD)} });
      const rejectsWrong = !(await verifyPassword({ hash: ${JSON.stringify(ours)}, password: 'wrong' }));
      console.log(JSON.stringify({ hash, verifiesOurs, rejectsWrong }));
    `);

    expect(theirs.verifiesOurs).toBe(true);
    expect(theirs.rejectsWrong).toBe(true);
    expect(await new ScryptPasswordHasher().verify(theirs.hash, PASSWORD)).toBe(true);
    expect(await new ScryptPasswordHasher().verify(theirs.hash, 'wrong')).toBe(false);
  });

  it('signs cookie values exactly as better-auth does', () => {
    const theirs = betterAuth<{ signature: string }>(`
      import { makeSignature } from 'better-auth/crypto';
      console.log(JSON.stringify({ signature: await makeSignature('session-token-value', ${JSON.stringify(SECRET)}) }));
    `);
    expect(new CookieSigner(SECRET).sign('session-token-value')).toBe(`session-token-value.${theirs.signature}`);
  });
});
