import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import { makePasskeyAuth } from './passkey-auth';

const VALIDATOR = path.join(__dirname, '..', 'support', 'validate-openapi.mjs');

const PASSKEY_ROUTES = [
  'get /passkey/generate-register-options',
  'post /passkey/verify-registration',
  'get /passkey/generate-authenticate-options',
  'post /passkey/verify-authentication',
  'get /passkey/list-user-passkeys',
  'post /passkey/update-passkey',
  'post /passkey/delete-passkey',
];

describe('the API reference with the passkey plugin', () => {
  async function reference() {
    const { auth } = makePasskeyAuth(new MemoryDatabaseAdapter(appEntities) as unknown as AppDatabase);
    const response = await auth.handler(new Request('http://localhost:3000/api/auth/reference/openapi.json'));
    return response.json();
  }

  it('documents every passkey route and stays a valid OpenAPI 3.1 document', async () => {
    const document = await reference();
    const missing = PASSKEY_ROUTES.filter((entry) => {
      const [method, route] = entry.split(' ');
      return !document.paths[`/api/auth${route}`]?.[method];
    });
    expect(missing).toEqual([]);
    const run = spawnSync(process.execPath, [VALIDATOR], { input: JSON.stringify(document), encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, version: '3.1' });
  });

  it('lists the passkey codes under their statuses, an unknown credential as a 401', async () => {
    const document = await reference();
    const codesOf = (response: any) => response.content['application/json'].schema.allOf[1].properties.code.enum;
    const signIn = document.paths['/api/auth/passkey/verify-authentication'].post.responses;
    expect(codesOf(signIn['400'])).toEqual(expect.arrayContaining(['CHALLENGE_NOT_FOUND', 'AUTHENTICATION_FAILED']));
    expect(codesOf(signIn['401'])).toEqual(expect.arrayContaining(['PASSKEY_NOT_FOUND']));
    const register = document.paths['/api/auth/passkey/verify-registration'].post.responses;
    expect(codesOf(register['400'])).toEqual(expect.arrayContaining(['FAILED_TO_VERIFY_REGISTRATION', 'PREVIOUSLY_REGISTERED', 'CHALLENGE_NOT_FOUND']));
    const remove = document.paths['/api/auth/passkey/delete-passkey'].post.responses;
    expect(codesOf(remove['404'])).toEqual(['PASSKEY_NOT_FOUND']);
    expect(document.paths['/api/auth/passkey/generate-register-options'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['name', 'authenticatorAttachment']));
  });
});
