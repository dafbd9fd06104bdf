import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';
import { makePasswordlessAuth } from './passwordless-auth';

const VALIDATOR = path.join(__dirname, '..', 'support', 'validate-openapi.mjs');

const PASSWORDLESS_ROUTES = [
  'post /sign-in/magic-link',
  'get /magic-link/verify',
  'post /email-otp/send-verification-otp',
  'post /sign-in/email-otp',
  'post /email-otp/verify-email',
  'post /email-otp/check-verification-otp',
  'post /email-otp/request-password-reset',
  'post /forget-password/email-otp',
  'post /email-otp/reset-password',
];

describe('the API reference with the magic-link and email-OTP plugins', () => {
  async function reference() {
    const { auth } = makePasswordlessAuth(new MemoryDatabaseAdapter(appEntities) as unknown as AppDatabase);
    const response = await auth.handler(new Request('http://localhost:3000/api/auth/reference/openapi.json'));
    return response.json();
  }

  it('documents every passwordless route and stays a valid OpenAPI 3.1 document', async () => {
    const document = await reference();
    const missing = PASSWORDLESS_ROUTES.filter((entry) => {
      const [method, route] = entry.split(' ');
      return !document.paths[`/api/auth${route}`]?.[method];
    });
    expect(missing).toEqual([]);
    const run = spawnSync(process.execPath, [VALIDATOR], { input: JSON.stringify(document), encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, version: '3.1' });
  });

  it('lists the email-OTP codes under their statuses', async () => {
    const document = await reference();
    const responses = document.paths['/api/auth/sign-in/email-otp'].post.responses;
    const codesOf = (response: any) => response.content['application/json'].schema.allOf[1].properties.code.enum;
    expect(codesOf(responses['400'])).toEqual(expect.arrayContaining(['INVALID_OTP', 'OTP_EXPIRED', 'INVALID_EMAIL']));
    expect(codesOf(responses['403'])).toEqual(expect.arrayContaining(['TOO_MANY_ATTEMPTS']));
    expect(codesOf(document.paths['/api/auth/sign-in/magic-link'].post.responses['403'])).toEqual(expect.arrayContaining(['INVALID_CALLBACK_URL']));
  });
});
