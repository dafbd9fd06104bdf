import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { adoptBetterAuth } from '../../migrations/adopt-better-auth';
import { cli } from '../schema/cli-harness';
import { runClientScript } from '../client/run-client-script';
import { serveAuth } from '../client/serve-auth';
import { createPostgresSchema, withPostgres, type TestDatabase } from '../support/databases';
import { auth as adoptedAuth } from './fixtures/adopt.config';

/*
 * The proof: better-auth 1.7 itself creates and fills a database (better-auth-fill.mjs), the browsers keep their
 * cookies, better-auth stops; then the database is adopted as the README says (dry run first, then the
 * command) and better-auth's own client, holding the old cookies, checks everything against our server.
 */
const FILL = join(__dirname, 'better-auth-fill.mjs');
const CHECK = join(__dirname, 'adopted-check.mjs');
const CONFIG = join(__dirname, 'fixtures', 'adopt.config.ts');
const SECRET = 'the-secret-better-auth-ran-with-0123456789abcdef';

interface Filled {
  organizationId: string;
  carolInvitationId: string;
  totpURI: string;
  totpStep: number;
  backupCodes: string[];
  people: Record<string, { email: string; userId: string; cookie: string }>;
}

/** One backend: where better-auth's database lives, how to read its schema and its session tokens. */
interface Backend {
  url(): string;
  schema(): Promise<string[]>;
  query(sql: string): Promise<Array<Record<string, unknown>>>;
}

function sqliteBackend(): Backend & { setUp(): void; tearDown(): void } {
  let dir = '';
  const file = () => join(dir, 'better-auth.sqlite');
  const read = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(file(), { readonly: true });
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    setUp: () => void (dir = mkdtempSync(join(tmpdir(), 'adopt-'))),
    tearDown: () => rmSync(dir, { recursive: true, force: true }),
    url: () => `sqlite://${file()}`,
    schema: async () => read((db) => (db.prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS line FROM sqlite_master ORDER BY name").all() as Array<{ line: string }>).map((row) => row.line)),
    query: async (sql) => read((db) => db.prepare(sql).all() as Array<Record<string, unknown>>),
  };
}

function postgresBackend(): Backend & { setUp(): Promise<void>; tearDown(): Promise<void> } {
  let database: TestDatabase;
  return {
    setUp: async () => void (database = await createPostgresSchema('adopt')),
    tearDown: () => database.drop(),
    url: () => database.url,
    schema: () =>
      withPostgres(async (client) => {
        const columns = await client.query(
          "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line FROM information_schema.columns WHERE table_schema = $1 ORDER BY 1",
          [database.name],
        );
        const indexes = await client.query('SELECT indexdef AS line FROM pg_indexes WHERE schemaname = $1 ORDER BY 1', [database.name]);
        return [...columns.rows, ...indexes.rows].map((row: { line: string }) => row.line);
      }),
    query: (sql) => withPostgres(async (client) => (await client.query(`SET search_path TO "${database.name}"; ${sql}`) as unknown as Array<{ rows: Array<Record<string, unknown>> }>)[1]!.rows),
  };
}

function runFill(target: string): Promise<Filled> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [FILL, target, SECRET], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`better-auth-fill failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as Filled);
    });
  });
}

const env = (backend: Backend) => ({ ADOPT_DATABASE_URL: backend.url(), ADOPT_SECRET: SECRET });

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

  beforeAll(async () => {
    await backend.setUp();
    filled = await runFill(name === 'SQLite' ? backend.url().slice('sqlite://'.length) : backend.url());
    before = await backend.schema();
    dryRun = await cli(['migrate', '--from', 'better-auth', '--dry-run', '--config', CONFIG], { env: env(backend) });
    afterDryRun = await backend.schema();
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
    expect(dryRun.out).toContain('+ table account_failures');
    expect(dryRun.out).toMatch(/~ 5 session tokens stored raw/);
    expect(dryRun.out).toMatch(/~ 1 two-factor TOTP secrets/);
    expect(dryRun.out).toMatch(/~ 1 social accounts/);
    expect(dryRun.out).toContain('001_initial');
    expect(dryRun.out).toContain('Dry run: nothing was changed.');
    expect(afterDryRun).toEqual(before);
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
    expect(seen.signIn).toEqual({ status: 200, user: filled.people.alice!.userId });
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
