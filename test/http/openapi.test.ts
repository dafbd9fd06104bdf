import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { makeLifecycleAuth } from '../support/lifecycle-auth';
import { call } from '../support/test-auth';

const VALIDATOR = path.join(__dirname, '..', 'support', 'validate-openapi.mjs');

/** Runs the real OpenAPI validator (ESM-only) in a child process. */
function validate(document: unknown): { valid: boolean; version: string | null; errors: unknown; exitCode: number | null } {
  const run = spawnSync(process.execPath, [VALIDATOR], { input: JSON.stringify(document), encoding: 'utf8', timeout: 60_000 });
  if (!run.stdout) throw new Error(`validator produced no output: ${run.stderr}`);
  return { ...JSON.parse(run.stdout), exitCode: run.status };
}

async function reference(options: Parameters<typeof makeLifecycleAuth>[0] = {}) {
  const setup = makeLifecycleAuth(options);
  const basePath = setup.auth.context.config.basePath;
  const response = await setup.auth.handler(new Request(`http://localhost:3000${basePath}/reference/openapi.json`));
  return { setup, status: response.status, document: await response.json() };
}

describe('GET /reference/openapi.json', () => {
  it('is an OpenAPI 3.1 document that a real validator accepts', async () => {
    const { status, document } = await reference();
    expect(status).toBe(200);
    expect(document.openapi).toBe('3.1.0');
    const result = validate(document);
    expect(result).toMatchObject({ valid: true, version: '3.1', exitCode: 0 });
  });

  it('is checked by a validator that does reject a broken document', async () => {
    const { document } = await reference();
    const broken = { ...document, info: undefined, paths: { 'no-leading-slash': {} } };
    const result = validate(broken);
    expect(result.valid).toBe(false);
    expect(result.exitCode).toBe(1);
  });

  it('lists every mounted route with its method', async () => {
    const { setup, document } = await reference();
    const missing = setup.auth.routes
      .map((route) => ({ route, path: `/api/auth${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}` }))
      .filter(({ route, path }) => !document.paths[path]?.[route.method.toLowerCase()])
      .map(({ route }) => `${route.method} ${route.path}`);
    expect(setup.auth.routes.length).toBeGreaterThanOrEqual(24); // core 2, email-password 2, sessions 6, passwords 6, accounts 2, verification 2, user 4
    expect(missing).toEqual([]);
    const documented = Object.values(document.paths as Record<string, object>).reduce((n, operations) => n + Object.keys(operations).length, 0);
    expect(documented).toBe(setup.auth.routes.length);
  });

  it('describes bodies from the DTOs, path and query parameters, and the answers', async () => {
    const { document } = await reference();
    const schemas = document.components.schemas;
    const signIn = document.paths['/api/auth/sign-in/email'].post;
    const bodyRef: string = signIn.requestBody.content['application/json'].schema.$ref;
    const body = schemas[bodyRef.split('/').pop()!];
    expect(body.properties.email).toMatchObject({ type: 'string', format: 'email', maxLength: 254 });
    expect(body.required.sort()).toEqual(['email', 'password']);

    const link = document.paths['/api/auth/reset-password/{token}'].get;
    expect(link.parameters).toEqual(
      expect.arrayContaining([
        { name: 'token', in: 'path', required: true, schema: { type: 'string' } },
        expect.objectContaining({ name: 'callbackURL', in: 'query', required: false }),
      ]),
    );
    expect(link.responses['302'].headers.Location).toBeDefined();
    const verify = document.paths['/api/auth/verify-email'].get;
    expect(verify.parameters.find((p: { name: string }) => p.name === 'token').required).toBe(true);

    const listAccounts = document.paths['/api/auth/list-accounts'].get.responses['200'].content['application/json'].schema;
    expect(listAccounts.type).toBe('array');
    const item = schemas[listAccounts.items.$ref.split('/').pop()!];
    expect(Object.keys(item.properties).sort()).toEqual(['accountId', 'createdAt', 'id', 'providerId', 'scopes', 'updatedAt', 'userId']);
  });

  it('documents each route’s error codes under their statuses with the { code, message } shape', async () => {
    const { document } = await reference();
    const reset = document.paths['/api/auth/reset-password'].post.responses;
    const codesOf = (response: any) => response.content['application/json'].schema.allOf[1].properties.code.enum;
    expect(codesOf(reset['400'])).toEqual(expect.arrayContaining(['INVALID_TOKEN', 'TOKEN_EXPIRED', 'PASSWORD_TOO_SHORT', 'VALIDATION_ERROR']));
    expect(codesOf(reset['403'])).toEqual(['INVALID_ORIGIN']);
    expect(codesOf(document.paths['/api/auth/change-password'].post.responses['401'])).toEqual(['UNAUTHORIZED']);
    expect(document.components.schemas.ErrorBody.required).toEqual(['code', 'message']);
  });

  it('declares the cookie and bearer security schemes and which routes need a session', async () => {
    const { document } = await reference();
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      cookieAuth: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' }),
    });
    expect(document.paths['/api/auth/delete-user'].post.security).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
    expect(document.paths['/api/auth/send-verification-email'].post.security).toEqual([{}, { bearerAuth: [] }, { cookieAuth: [] }]);
    expect(document.paths['/api/auth/request-password-reset'].post.security).toBeUndefined();
  });

  it('describes the app’s own user class, custom fields included, and never a password', async () => {
    const { document } = await reference();
    const user = document.components.schemas.User;
    expect(user.properties).toMatchObject({ email: { type: ['string', 'null'] }, emailVerified: { type: 'boolean' }, plan: { type: 'string', maxLength: 32 } });
    expect(user.properties.createdAt).toEqual({ type: 'string', format: 'date-time' });
    expect(user.properties.displayName).toBeUndefined(); // the property behind `name`: the API says `name`
    expect(JSON.stringify(document)).not.toMatch(/"password":\{"type":\["string","null"\]/);
  });

  it('follows the base path (the seed nests the routes under /auth)', async () => {
    const { document, status } = await reference({ config: { basePath: '/auth' } });
    expect(status).toBe(200);
    expect(Object.keys(document.paths).every((p) => p.startsWith('/auth/'))).toBe(true);
    expect(document.paths['/auth/ok'].get).toBeDefined();
  });

  it('is served to any caller without a session, and never cached by the browser', async () => {
    const { setup } = await reference();
    const result = await call(setup.auth.handler, 'GET', '/reference/openapi.json');
    expect(result.status).toBe(200);
    expect(result.headers.get('cache-control')).toBe('no-store');
  });
});
