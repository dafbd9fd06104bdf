import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BetterAuth, getAuthSchema, schemaSql } from 'better-auth-entities';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { AuditPlugin, type AuditEntry } from '../../examples/audit-plugin';
import { appEntities } from '../../examples/entities';
import { call, ORIGIN, PASSWORD, signUp, TEST_SECRET, uniqueEmail } from '../support/test-auth';

function authOn(database: DatabaseAdapter) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, trustProxyHeaders: true })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new AuditPlugin({ maxListSize: 20 }))
    .build();
}

const device = { 'user-agent': 'AuditTest/1.0', 'x-forwarded-for': '203.0.113.7' };

async function expectAuditWorks(database: DatabaseAdapter): Promise<void> {
  const auth = authOn(database);
  const { email, user } = await signUp(auth.handler, uniqueEmail('audited'));
  const other = await signUp(auth.handler, uniqueEmail('other'));

  const signIn = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD }, headers: device });
  expect(signIn.status).toBe(200);
  const wrong = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'a wrong password here' }, headers: device });
  expect(wrong.status).toBe(401);
  const signOut = await call(auth.handler, 'POST', '/sign-out', { cookie: signIn.cookie, headers: device });
  expect(signOut.status).toBe(200);

  // Only the successful sign-in and the sign-out are recorded, with the device they came from.
  const entries: AuditEntry[] = await auth.api.audit.list({ userId: user.id });
  expect(entries.map((entry) => entry.action).sort()).toEqual(['sign-in', 'sign-out']);
  for (const entry of entries) {
    expect(entry).toMatchObject({ userId: user.id, ipAddress: '203.0.113.7', userAgent: 'AuditTest/1.0' });
    expect(entry.createdAt).toBeInstanceOf(Date);
  }

  // Over HTTP, each user sees their own entries only.
  const again = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
  const mine = await call(auth.handler, 'GET', '/audit/list', { cookie: again.cookie });
  expect(mine.status).toBe(200);
  expect(mine.json).toHaveLength(3);
  expect(mine.json.every((entry: { userId: string }) => entry.userId === user.id)).toBe(true);
  const theirs = await call(auth.handler, 'GET', '/audit/list', { cookie: other.cookie });
  expect(theirs.json).toEqual([]);

  // The plugin's own error code, with the status it declared; no session → 401 before the route runs.
  const tooMany = await call(auth.handler, 'GET', '/audit/list?limit=500', { cookie: again.cookie });
  expect(tooMany.status).toBe(400);
  expect(tooMany.json).toEqual({ code: 'AUDIT_LIST_TOO_LONG', message: 'Ask for fewer audit entries' });
  expect((await call(auth.handler, 'GET', '/audit/list')).status).toBe(401);
}

const directory = mkdtempSync(join(tmpdir(), 'bae-audit-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('examples/audit-plugin.ts: a third-party plugin from public exports', () => {
  it('on the memory adapter, records sign-ins and sign-outs and serves them', async () => {
    await expectAuditWorks(new MemoryDatabaseAdapter(appEntities));
  });

  it('on SQLite, with its table (custom column, composite index) created from getAuthSchema', async () => {
    const database = await TypeOrmAdapter.connect(`sqlite:${join(directory, 'audit.db')}`, appEntities);
    try {
      const sql = schemaSql(getAuthSchema(authOn(database)), 'sqlite');
      expect(sql).toMatch(/CREATE TABLE IF NOT EXISTS "audit_log"[^;]*"client_user_agent" text/);
      expect(sql).toMatch(/CREATE INDEX IF NOT EXISTS "[^"]+" ON "audit_log" \("user_id", "created_at"\)/);
      for (const statement of sql.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) await database.dataSource.query(statement);
      await expectAuditWorks(database);
    } finally {
      await database.close();
    }
  });

  it('its error code joins the code→status table and the OpenAPI document', async () => {
    const auth = authOn(new MemoryDatabaseAdapter(appEntities));
    expect(auth.context.errors.get('AUDIT_LIST_TOO_LONG')).toEqual({ code: 'AUDIT_LIST_TOO_LONG', status: 400, message: 'Ask for fewer audit entries' });
    const document = (await call(auth.handler, 'GET', '/reference/openapi.json')).json;
    expect(document['x-error-codes'].AUDIT_LIST_TOO_LONG).toEqual({ status: 400, message: 'Ask for fewer audit entries' });
    expect(document.paths['/api/auth/audit/list'].get.responses['400'].description).toContain('AUDIT_LIST_TOO_LONG');
  });

  it('imports nothing but the public entry points', () => {
    const source = require('node:fs').readFileSync(join(__dirname, '../../examples/audit-plugin.ts'), 'utf8') as string;
    const modules = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(modules.length).toBeGreaterThan(0);
    for (const name of modules) expect(name).toMatch(/^(better-auth-entities(\/[a-z/]+)?|class-validator|class-transformer)$/);
  });
});
