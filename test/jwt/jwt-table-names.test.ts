import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BetterAuth, getAuthSchema, schemaSql } from 'better-auth-entities';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { EmailPasswordPlugin, JwtPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { call, ORIGIN, signUp, TEST_SECRET } from '../support/test-auth';

describe("JwtPlugin with the app's names for its table", () => {
  const directory = mkdtempSync(join(tmpdir(), 'bae-jwt-names-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('schema.jwks renames the table and its columns in the schema, and the keys live there on SQLite', async () => {
    const database = await TypeOrmAdapter.connect(`sqlite:${join(directory, 'names.db')}`);
    try {
      const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN })
        .database(database)
        .plugin(new EmailPasswordPlugin())
        .plugin(new SessionManagementPlugin())
        .plugin(new JwtPlugin({ schema: { jwks: { modelName: 'signing_keys', fields: { privateKey: 'sealed_private_jwk' } } } }))
        .build();
      const table = getAuthSchema(auth).tables.find((candidate) => candidate.model === 'jwks');
      expect(table?.name).toBe('signing_keys');
      expect(table?.columns.find((column) => column.field === 'privateKey')?.name).toBe('sealed_private_jwk');
      for (const statement of schemaSql(getAuthSchema(auth), 'sqlite').split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()).filter(Boolean)) {
        await database.dataSource.query(statement);
      }
      const { cookie } = await signUp(auth.handler);
      expect((await call(auth.handler, 'GET', '/token', { cookie })).status).toBe(200);
      const rows: Array<{ sealed_private_jwk: string }> = await database.dataSource.query('SELECT sealed_private_jwk FROM signing_keys');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.sealed_private_jwk).toMatch(/^v1:/);
    } finally {
      await database.close();
    }
  });
});
