import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI, TOTP } from 'otpauth';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BetterAuth, getAuthSchema } from 'better-auth-entities';
import type { DatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { AuthDefault, AuthField, AuthRecord } from 'better-auth-entities/entities';
import { EmailPasswordPlugin, SessionManagementPlugin, TwoFactorPlugin } from 'better-auth-entities/plugins';
import { Browser } from '../support/browser';
import { generatedBackends } from '../support/generated-backends';
import { runMigrations } from 'better-auth-entities/migrations';
import { applyMigration, planMigration } from '../../src/schema/migration-plan';
import { ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';
import { useShiftedClock } from '../support/shifted-clock';

/*
 * The two-factor plugin storing its rows through the app's own class: a table of the app's name, the secret in
 * a renamed property and column, and a column of the app's own with a default. On memory, SQLite, PostgreSQL
 * and MariaDB; the SQL tables are made by the SQL `generate` writes for this auth, nothing else.
 */

@Entity('mfa_secrets', { synchronize: false })
@AuthRecord('twoFactor')
class AppTwoFactor {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ name: 'totp_secret', type: 'text' }) @AuthField('secret') totpSecret!: string;
  @Column({ name: 'backup_codes', type: 'text' }) backupCodes!: string;
  @Column({ name: 'owner_id', type: 'varchar', length: 255 }) userId!: string;
  @Column({ type: 'boolean', default: true }) verified!: boolean;
  @Column({ name: 'failures', type: 'int', default: 0 }) failedVerificationCount!: number;
  @Column({ name: 'locked_until', type: Date, nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'last_step', type: 'int', nullable: true }) lastTotpStep!: number | null;
  /** The app's own column: no plugin write names it, so it takes its default. */
  @Column({ type: 'varchar', length: 40, default: 'unnamed' }) @AuthDefault('Authenticator app') label!: string;
}

// The built-in classes for the seven kinds (their user has twoFactorEnabled); the app's class for the plugin table.
const entities = { records: [AppTwoFactor] };

const { nextCode } = useShiftedClock();

function authOn(database: DatabaseAdapter<any, any, any, any, any, any, any>) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new TwoFactorPlugin({ issuer: 'Acme' }))
    .build();
}

/** The app's view of its table by the class's SQL names, its own `label` included (fields by the plugin's names, as rows are). */
const APP_VIEW = {
  name: 'mfa_secrets',
  columns: [
    { field: 'id', name: 'id', type: 'string' as const },
    { field: 'secret', name: 'totp_secret', type: 'string' as const },
    { field: 'userId', name: 'owner_id', type: 'string' as const },
    { field: 'label', name: 'label', type: 'string' as const },
    { field: 'lastTotpStep', name: 'last_step', type: 'number' as const },
  ],
};

const BACKENDS = generatedBackends('tfclass', entities, authOn);
const directory = mkdtempSync(join(tmpdir(), 'bae-2fa-migrate-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each(BACKENDS)("two-factor through the app's own AppTwoFactor class on %s", (name, open) => {
  let database: DatabaseAdapter<any, any, any, any, any, any, any>;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database?.close());

  it('enable and verify-totp write the row into the class table (renamed column, own column defaulted), and the next sign-in asks for and takes a code', async () => {
    const auth = authOn(database);
    const email = uniqueEmail('tfclass');
    const browser = new Browser(auth.handler);
    expect((await browser.post('/sign-up/email', { email, password: PASSWORD, name: 'Ada' })).status).toBe(200);
    const userId = (await browser.get('/get-session')).json.user.id as string;

    const enabled = await browser.post('/two-factor/enable', { password: PASSWORD });
    expect(enabled.status).toBe(200);
    const totp = URI.parse(enabled.json.totpURI) as TOTP;
    const verified = await browser.post('/two-factor/verify-totp', { code: nextCode(totp) });
    expect(verified.status).toBe(200);
    expect((await browser.get('/get-session')).json.user.twoFactorEnabled).toBe(true);

    // The plugin's rows keep its field names and nothing of the app's.
    const row = await auth.context.records('twoFactor').findOne({ userId });
    expect(row).not.toBeNull();
    expect(Object.keys(row!).sort()).toEqual(['backupCodes', 'failedVerificationCount', 'id', 'lastTotpStep', 'lockedUntil', 'secret', 'userId', 'verified']);
    // The app's view of the same row, by the class's SQL names: the secret sealed in totp_secret, label defaulted.
    const appRow = await database.records!(APP_VIEW).findOne({ userId });
    expect(appRow).toMatchObject({ id: row!.id, label: 'Authenticator app', secret: row!.secret, lastTotpStep: row!.lastTotpStep });
    expect(appRow!.secret).not.toContain(totp.secret.base32);

    await browser.post('/sign-out');
    const pending = await browser.post('/sign-in/email', { email, password: PASSWORD });
    expect([pending.status, pending.json.twoFactorRedirect]).toEqual([200, true]);
    const wrong = String((Number(totp.generate({ timestamp: Date.now() })) + 1) % 1_000_000).padStart(6, '0');
    expect((await browser.post('/two-factor/verify-totp', { code: wrong })).status).toBe(401);
    const second = await browser.post('/two-factor/verify-totp', { code: nextCode(totp) });
    expect(second.status).toBe(200);
    expect(second.json.user.id).toBe(userId);
    // The replay guard reads and writes through the class too: the step just used is refused again.
    await browser.post('/sign-out');
    await browser.post('/sign-in/email', { email, password: PASSWORD });
    expect((await browser.post('/two-factor/verify-totp', { code: totp.generate({ timestamp: Date.now() }) })).status).toBe(401);
  });

  if (name !== 'memory') {
    it("the generated schema has the class's table with its own column and no default two_factor table", () => {
      const tables = getAuthSchema(authOn(database)).tables;
      expect(tables.some((table) => table.name === 'two_factor')).toBe(false);
      const table = tables.find((candidate) => candidate.model === 'twoFactor');
      expect(table?.name).toBe('mfa_secrets');
      expect(table?.columns.map((column) => column.name)).toEqual(['id', 'totp_secret', 'backup_codes', 'owner_id', 'verified', 'failures', 'locked_until', 'last_step', 'label']);
      expect(table?.columns.find((column) => column.name === 'label')).toMatchObject({ type: 'string', nullable: false, defaultValue: 'unnamed', length: 40, source: 'app' });
      expect(table?.columns.find((column) => column.name === 'owner_id')?.references).toEqual({ table: 'users', column: 'id', onDelete: 'cascade' });
    });
  }
});

describe("migrate with the app's two-factor class", () => {
  it("creates the class's table, its own column included, beside the shipped tables; then two-factor works on it", async () => {
    const database = await TypeOrmAdapter.connect(`sqlite:${join(directory, 'migrate.db')}`, entities);
    try {
      await runMigrations(database);
      const auth = authOn(database);
      const steps = await planMigration(getAuthSchema(auth), database.dataSource, 'sqlite');
      expect(steps.map((step) => [step.kind, step.table])).toContainEqual(['create-table', 'mfa_secrets']);
      await applyMigration(database.dataSource, 'sqlite', steps);
      const columns = (await database.dataSource.query(`PRAGMA table_info('mfa_secrets')`)) as Array<{ name: string; dflt_value: string | null }>;
      expect(columns.map((column) => column.name)).toEqual(['id', 'totp_secret', 'backup_codes', 'owner_id', 'verified', 'failures', 'locked_until', 'last_step', 'label']);
      expect(await planMigration(getAuthSchema(auth), database.dataSource, 'sqlite')).toEqual([]);

      const browser = new Browser(auth.handler);
      await browser.post('/sign-up/email', { email: uniqueEmail('migrated'), password: PASSWORD, name: 'Ada' });
      expect((await browser.post('/two-factor/enable', { password: PASSWORD })).status).toBe(200);
      expect(await database.records!(APP_VIEW).count({})).toBe(1);
    } finally {
      await database.close();
    }
  });
});
