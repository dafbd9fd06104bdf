import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BetterAuth, defineRoute, getAuthSchema, schemaSql, type AuthContext, type AuthPlugin, type PluginSchema } from 'better-auth-entities';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { appEntities } from '../../examples/entities';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { call, ORIGIN, PASSWORD, signUp, TEST_SECRET, uniqueEmail } from '../support/test-auth';

/** An audit log: its own table, written on every sign-up, read back by the signed-in user. */
class AuditLogPlugin implements AuthPlugin {
  readonly id = 'audit-log';
  readonly schema: PluginSchema = {
    tables: {
      auditLog: {
        modelName: 'audit_log',
        fields: {
          action: { type: 'string', required: true },
          userId: { type: 'string', required: true, references: { model: 'user', field: 'id' }, index: true },
          details: { type: 'json', long: true },
          succeeded: { type: 'boolean', required: true, defaultValue: true },
          createdAt: { type: 'date', required: true },
        },
      },
    },
  };

  init(auth: AuthContext): void {
    auth.hooks.onSignUp(async ({ user }) => {
      const userId = auth.models.user.read(user, 'id') as string;
      await auth.records('auditLog').create({ action: 'sign-up', userId, details: { via: 'email' }, succeeded: true, createdAt: new Date() });
    });
  }

  routes() {
    return [
      defineRoute({
        method: 'GET',
        path: '/audit-log',
        summary: "The caller's audit log, newest first",
        session: 'required',
        handle: async (ctx) => {
          const active = await ctx.requireSession();
          const userId = ctx.auth.models.user.read(active.user, 'id') as string;
          return ctx.auth.records('auditLog').findMany({ userId }, { orderBy: ['createdAt', 'desc'], limit: 10 });
        },
      }),
    ];
  }
}

function authOn(database: DatabaseAdapter) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new AuditLogPlugin())
    .build();
}

async function expectAuditLogWorks(database: DatabaseAdapter): Promise<void> {
  const auth = authOn(database);
  const { token, user } = await signUp(auth.handler, uniqueEmail('audited'));
  await signUp(auth.handler, uniqueEmail('someone-else'));
  const log = await call(auth.handler, 'GET', '/audit-log', { bearer: token });
  expect(log.status).toBe(200);
  expect(log.json).toEqual([{ id: expect.any(String), action: 'sign-up', userId: user.id, details: { via: 'email' }, succeeded: true, createdAt: expect.any(String) }]);
  expect(Math.abs(Date.parse(log.json[0].createdAt) - Date.now())).toBeLessThan(60_000);
  const records = auth.context.records('auditLog');
  expect(await records.deleteMany({ userId: user.id })).toBe(1);
  expect(await records.findMany({ userId: user.id })).toEqual([]);
  await expect(records.findMany({ usrId: user.id })).rejects.toThrow('audit_log has no field "usrId"');
}

const directory = mkdtempSync(join(tmpdir(), 'bae-plugin-records-'));
let postgres: TestDatabase | undefined;
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true });
  await postgres?.drop();
});

describe('a plugin with its own table (an audit log), end to end', () => {
  it('on the memory adapter, the plugin writes and reads its records', async () => {
    await expectAuditLogWorks(new MemoryDatabaseAdapter(appEntities));
  });

  it.each([
    ['SQLite', 'sqlite' as const, async () => `sqlite:${join(directory, 'audit.db')}`],
    ['PostgreSQL', 'postgres' as const, async () => (postgres = await createPostgresSchema('audit')).url],
  ])('on %s, with the tables generate writes, the plugin writes and reads its records', async (_name, dialect, url) => {
    const database = await TypeOrmAdapter.connect(await url(), appEntities);
    try {
      const sql = schemaSql(getAuthSchema(authOn(database)), dialect);
      expect(sql).toContain('CREATE TABLE IF NOT EXISTS "audit_log"');
      for (const statement of sql.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) await database.dataSource.query(statement);
      await expectAuditLogWorks(database);
    } finally {
      await database.close();
    }
  });

  it('asking for a table no plugin declares fails with the fix', () => {
    const auth = authOn(new MemoryDatabaseAdapter(appEntities));
    expect(() => auth.context.records('auditLogs')).toThrow(/No plugin declares a table "auditLogs"/);
  });
});
