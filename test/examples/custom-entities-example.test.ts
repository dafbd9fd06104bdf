import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(__dirname, '../..');

/** `npm run example`'s own command line (`node <flags> <file>`), so the test runs what the README's command runs. */
function exampleCommand(): string[] {
  const { scripts } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [program, ...args] = scripts.example.split(/\s+/);
  expect(program).toBe('node');
  return args;
}

describe('npm run example (examples/custom-entities.ts)', () => {
  it.each([
    ['the memory adapter', [], /Storage: the embedded memory adapter/],
    ['a SQLite file (--db sqlite)', ['--db', 'sqlite'], /Storage: sqlite \(sqlite:\/.*auth\.db\)/],
  ])('walks the whole flow on %s and prints each step', async (_name, args, storage) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    const { stdout } = await run(process.execPath, [...exampleCommand(), ...args], { cwd: root, env });

    expect(stdout).toMatch(storage);
    expect(stdout).toMatch(/1\. Sign up \(laptop\)\n\s+status 200; user ada@example\.com, name "Ada Lovelace", plan free/);
    expect(stdout).toMatch(/2\. Sign in from a second device[^\n]*\n\s+status 200; redirect false; token issued: true/);
    expect(stdout).toMatch(/3\. Get the session[^\n]*\n\s+status 200; user ada@example\.com; plan: free; device: unknown device/);
    expect(stdout).toMatch(/4\. List sessions\n\s+status 200; sessions: 2/);
    expect(stdout).toMatch(/5\. Revoke the other sessions[^\n]*\n\s+status 200; revoked: 1\n\s+the laptop's get-session now answers 200 null/);
    expect(stdout).toMatch(/6\. Sign out \(phone\)\n\s+status 200; success: true/);
    expect(stdout).toMatch(/7\. Get the session after sign-out\n\s+status 200; session null/);
    expect(stdout).toMatch(/member role: owner; members: 1/);
    expect(stdout).toMatch(/invitation to charles@example\.com: pending/);
    expect(stdout).toMatch(/first consume: found; second consume: none/);
    expect(stdout).toMatch(/Stored user is an AppUser: displayName "Ada Lovelace", plan free/);
  });
});
