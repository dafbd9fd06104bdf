import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import { makeApiKeyAuth } from './api-key-auth';

const VALIDATOR = path.join(__dirname, '..', 'support', 'validate-openapi.mjs');
const API_KEY_ROUTES = ['post /api-key/create', 'get /api-key/get', 'get /api-key/list', 'post /api-key/update', 'post /api-key/delete'];

describe('the API reference with the API-key plugin', () => {
  async function reference() {
    const { auth } = makeApiKeyAuth(new MemoryDatabaseAdapter(appEntities) as unknown as AppDatabase);
    const response = await auth.handler(new Request('http://localhost:3000/api/auth/reference/openapi.json'));
    return response.json();
  }

  it('documents every API-key route and stays a valid OpenAPI 3.1 document', async () => {
    const document = await reference();
    const missing = API_KEY_ROUTES.filter((entry) => {
      const [method, route] = entry.split(' ');
      return !document.paths[`/api/auth${route}`]?.[method];
    });
    expect(missing).toEqual([]);
    const run = spawnSync(process.execPath, [VALIDATOR], { input: JSON.stringify(document), encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, version: '3.1' });
  });

  it('lists the API-key codes under their statuses and the query parameters of get and list', async () => {
    const document = await reference();
    const codesOf = (response: any) => response.content['application/json'].schema.allOf[1].properties.code.enum;
    const create = document.paths['/api/auth/api-key/create'].post.responses;
    expect(codesOf(create['400'])).toEqual(expect.arrayContaining(['SERVER_ONLY_PROPERTY', 'INVALID_NAME_LENGTH', 'METADATA_DISABLED']));
    expect(codesOf(create['401'])).toEqual(expect.arrayContaining(['UNAUTHORIZED_SESSION']));
    expect(codesOf(create['403'])).toEqual(expect.arrayContaining(['API_KEY_CANNOT_MANAGE_API_KEYS']));
    expect(codesOf(document.paths['/api/auth/api-key/delete'].post.responses['404'])).toEqual(['KEY_NOT_FOUND']);
    const names = (route: string) => document.paths[`/api/auth${route}`].get.parameters.map((p: { name: string }) => p.name);
    expect(names('/api-key/get')).toEqual(expect.arrayContaining(['id']));
    expect(names('/api-key/list')).toEqual(expect.arrayContaining(['limit', 'offset', 'sortBy', 'sortDirection']));
    expect(document.paths['/api/auth/api-key/create'].post.requestBody.content['application/json'].schema).toBeDefined();
  });
});
