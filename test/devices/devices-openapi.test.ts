import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import { makeDeviceAuth } from './device-auth';

const VALIDATOR = path.join(__dirname, '..', 'support', 'validate-openapi.mjs');

const DEVICE_ROUTES = [
  'get /multi-session/list-device-sessions',
  'post /multi-session/set-active',
  'post /multi-session/revoke',
  'get /one-time-token/generate',
  'post /one-time-token/verify',
];

describe('the API reference with the multi-session and one-time-token plugins', () => {
  async function reference() {
    const { auth } = makeDeviceAuth(new MemoryDatabaseAdapter(appEntities) as unknown as AppDatabase);
    const response = await auth.handler(new Request('http://localhost:3000/api/auth/reference/openapi.json'));
    return response.json();
  }

  it('documents every route of both plugins and stays a valid OpenAPI 3.1 document', async () => {
    const document = await reference();
    const missing = DEVICE_ROUTES.filter((entry) => {
      const [method, route] = entry.split(' ');
      return !document.paths[`/api/auth${route}`]?.[method];
    });
    expect(missing).toEqual([]);
    const run = spawnSync(process.execPath, [VALIDATOR], { input: JSON.stringify(document), encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, version: '3.1' });
  });

  it('lists each plugin’s codes under their statuses', async () => {
    const document = await reference();
    const codesOf = (response: any) => response.content['application/json'].schema.allOf[1].properties.code.enum;
    expect(codesOf(document.paths['/api/auth/multi-session/set-active'].post.responses['401'])).toEqual(expect.arrayContaining(['INVALID_SESSION_TOKEN']));
    expect(codesOf(document.paths['/api/auth/multi-session/revoke'].post.responses['401'])).toEqual(expect.arrayContaining(['INVALID_SESSION_TOKEN', 'UNAUTHORIZED']));
    expect(codesOf(document.paths['/api/auth/one-time-token/verify'].post.responses['400'])).toEqual(expect.arrayContaining(['INVALID_TOKEN', 'ORIGIN_SESSION_ENDED']));
    expect(codesOf(document.paths['/api/auth/one-time-token/generate'].get.responses['400'])).toEqual(expect.arrayContaining(['CLIENT_REQUESTS_DISABLED']));
    const listed = document.paths['/api/auth/multi-session/list-device-sessions'].get.responses['200'].content['application/json'].schema;
    expect(listed.type).toBe('array');
  });
});
