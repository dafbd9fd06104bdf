import { join } from 'node:path';
import { cli } from '../schema/cli-harness';
import { runClientScript } from '../client/run-client-script';
import { serveAuth } from '../client/serve-auth';
import { auth as adoptedAuth } from './fixtures/adopt.config';
import { adoptionEnv as env, fillTarget, postgresBackend, runFill, SECRET, sqliteBackend, type Filled } from './filled-database';

/*
 * The proof: better-auth 1.7 itself creates and fills a database (better-auth-fill.mjs), the browsers keep their
 * cookies, better-auth stops; then the database is adopted as the README says (dry run first, then the
 * command) and better-auth's own client, holding the old cookies, checks everything against our server.
 */
const CHECK = join(__dirname, 'adopted-check.mjs');
const CONFIG = join(__dirname, 'fixtures', 'adopt.config.ts');

describe.each([
  ['SQLite', sqliteBackend],
  ['PostgreSQL', postgresBackend],
] as const)('adopting a database better-auth 1.7 made and filled, on %s', (name, makeBackend) => {
  jest.setTimeout(120_000);
  const backend = makeBackend();
  let filled: Filled;
  let before: string[];
  let dryRun: { code: number; out: string; err: string };
  let afterDryRun: string[];
  let adoption: { code: number; out: string; err: string };
  let tokensAfterAdoption: string[];
  let tokensAfterDryRun: string[];

  beforeAll(async () => {
    await backend.setUp();
    filled = await runFill(fillTarget(backend));
    before = await backend.schema();
    dryRun = await cli(['migrate', '--from', 'better-auth', '--dry-run', '--config', CONFIG], { env: env(backend) });
    afterDryRun = await backend.schema();
    tokensAfterDryRun = (await backend.query('SELECT token FROM "session"')).map((row) => String(row.token));
    adoption = await cli(['migrate', '--from', 'better-auth', '--yes', '--config', CONFIG], { env: env(backend) });
    tokensAfterAdoption = (await backend.query('SELECT token FROM "session"')).map((row) => String(row.token));
  }, 120_000);
  afterAll(() => backend.tearDown());

  const served = serveAuth(async (baseURL) => {
    Object.assign(process.env, env(backend));
    return adoptedAuth(baseURL);
  });
  afterAll(async () => {
    await served.auth?.close();
    await served.auth?.context.db.close();
  });

  it('the dry run prints the plan (columns, tables, conversions, versions) and changes nothing', () => {
    expect(dryRun.err).toBe('');
    expect(dryRun.code).toBe(0);
    expect(dryRun.out).toContain('+ column twoFactor.lastTotpStep');
    expect(dryRun.out).toContain('+ column user.plan'); // the app's own column, on its own class
    expect(dryRun.out).toContain('+ unique index member(organizationId, userId)');
    expect(dryRun.out).toContain('+ unique index passkey(credentialID)');
    expect(dryRun.out).toContain('+ table account_failures');
    expect(dryRun.out).toMatch(/~ 5 session tokens stored raw/);
    expect(dryRun.out).toMatch(/~ 1 two-factor TOTP secrets/);
    expect(dryRun.out).toMatch(/~ 1 social accounts/);
    expect(dryRun.out).toContain('001_initial');
    expect(dryRun.out).toContain('Dry run: nothing was changed.');
    expect(afterDryRun).toEqual(before);
    // The data too: the tokens better-auth stored are still the raw ones its cookies carry.
    expect(tokensAfterDryRun.sort()).toEqual(Object.values(filled.people).map((person) => person.cookie.split('=')[1]!.split('.')[0]!).sort());
  });

  it('the adoption only adds: every table, column and index better-auth had is still there, unchanged', async () => {
    expect(adoption.err).toBe('');
    expect(adoption.code).toBe(0);
    const after = await backend.schema();
    // SQLite keeps each table's whole CREATE statement, which an added column rewrites: compare the columns there.
    const kept = name === 'SQLite' ? before.filter((line) => line.startsWith('index')) : before;
    for (const line of kept) expect(after).toContain(line);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('no raw session token is left at rest after the command', () => {
    expect(tokensAfterAdoption).toHaveLength(5);
    for (const token of tokensAfterAdoption) expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('running it again changes nothing: the plan is empty and the schema stays as it is', async () => {
    const schema = await backend.schema();
    const again = await cli(['migrate', '--from', 'better-auth', '--yes', '--config', CONFIG], { env: env(backend) });
    expect(again.code).toBe(0);
    expect(again.out).toContain('This database is adopted already: nothing to do.');
    expect(await backend.schema()).toEqual(schema);
  });

  it("better-auth's own client, with the cookies better-auth set, finds everyone and everything", async () => {
    const run = await runClientScript(CHECK, served.baseURL, [], { FILL: JSON.stringify(filled) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const seen = JSON.parse(run.stdout);
    for (const [person, session] of Object.entries(seen.sessions as Record<string, { first: string; second: string; expected: string }>)) {
      expect({ person, first: session.first, second: session.second }).toEqual({ person, first: session.expected, second: session.expected });
    }
    expect(seen.sessions.bob.activeOrganizationId).toBe(filled.organizationId);
    expect(seen.signIn).toEqual({ status: 200, user: filled.people.alice!.userId, plan: 'free' });
    expect(seen.dave).toEqual({
      twoFactorRedirect: true,
      totp: { status: 200 },
      afterTotp: filled.people.dave!.userId,
      backupOnce: { status: 200 },
      afterBackup: filled.people.dave!.userId,
      backupTwice: { status: 401, code: 'INVALID_BACKUP_CODE' },
    });
    expect(seen.bob.organizations).toEqual([filled.organizationId]);
    expect(seen.bob.active).toBe(filled.organizationId);
    expect(seen.bob.members).toEqual([filled.people.alice!.userId, filled.people.bob!.userId].sort());
    expect(seen.alice.invitations).toContainEqual({ id: filled.carolInvitationId, status: 'pending' });
    expect(seen.bobPasskeys).toEqual([{ id: filled.bobPasskeyId, name: 'bob laptop', credentialID: expect.stringMatching(/^cred-/) }]);
    expect(seen.carol).toEqual([{ id: filled.carolInvitationId, organizationId: filled.organizationId, status: 'pending' }]);
  });

  it("alice's GitHub tokens, sealed by better-auth, are sealed in our format and open to the same tokens", async () => {
    const rows = await backend.query(`SELECT "accessToken", "refreshToken" FROM "account" WHERE "providerId" = 'github'`);
    expect(rows).toHaveLength(1);
    const { SecretBox } = await import('../../src/crypto/secret-box');
    const box = new SecretBox(SECRET, 'social:provider-tokens');
    expect(box.open(String(rows[0]!.accessToken))).toBe('gho_alice_access');
    expect(box.open(String(rows[0]!.refreshToken))).toBe('ghr_alice_refresh');
  });
});
