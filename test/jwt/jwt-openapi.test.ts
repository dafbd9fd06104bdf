import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import type { JwtOptions } from 'better-auth-entities/plugins';
import { makeJwtAuth } from './jwt-auth';

const VALIDATOR = path.join(__dirname, '..', 'support', 'validate-openapi.mjs');

describe('the API reference with the JWT plugin', () => {
  async function reference(options: JwtOptions = {}) {
    const { auth } = makeJwtAuth(new MemoryDatabaseAdapter(appEntities) as unknown as AppDatabase, options);
    const response = await auth.handler(new Request('http://localhost:3000/api/auth/reference/openapi.json'));
    return response.json();
  }

  it('documents GET /token (401 without a session) and GET /jwks with its key fields, as a valid OpenAPI 3.1 document', async () => {
    const document = await reference();
    const schemaOf = (response: any) => {
      const schema = response.content['application/json'].schema;
      return schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()] : schema;
    };
    const token = document.paths['/api/auth/token']?.get;
    expect(schemaOf(token.responses['200']).properties.token.type).toBe('string');
    expect(token.responses['401']).toBeDefined();
    const jwks = document.paths['/api/auth/jwks']?.get;
    const keys = schemaOf(jwks.responses['200']).properties.keys;
    expect(keys.type).toBe('array');
    expect(keys.items.required).toEqual(['kid', 'kty', 'alg']);
    expect(Object.keys(keys.items.properties)).not.toContain('d');
    const run = spawnSync(process.execPath, [VALIDATOR], { input: JSON.stringify(document), encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, version: '3.1' });
  });

  it('documents the key set at jwksPath when it is moved, and no longer at /jwks', async () => {
    const document = await reference({ jwks: { jwksPath: '/.well-known/jwks.json' } });
    expect(document.paths['/api/auth/.well-known/jwks.json']?.get).toBeDefined();
    expect(document.paths['/api/auth/jwks']).toBeUndefined();
  });
});
