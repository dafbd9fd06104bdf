import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { toNodeHandler } from 'better-auth-entities/node';
import { EmailPasswordPlugin, PasskeyPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { PASSWORD, TEST_SECRET } from '../support/test-auth';

/*
 * Passkeys in a real browser: Debian's chromium, headless, driven over the DevTools protocol by puppeteer-core
 * (no browser download; passkey-chromium.mjs, since puppeteer-core is ESM-only) with a CDP virtual
 * authenticator (ctap2, internal transport, resident keys, user verification). The page comes from the auth
 * server's own origin and loads better-auth's official passkeyClient bundled by esbuild, so what goes over the
 * wire is what the real client sends and expects.
 * Run alone: npx jest test/browser/passkey-chromium.test.ts
 */

const CHROMIUM = '/usr/bin/chromium';
const SCRIPT = path.join(__dirname, 'passkey-chromium.mjs');
const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>passkeys</title><script src="/client.js"></script></head><body>passkeys</body></html>';

jest.setTimeout(150_000);

let server: Server;
let baseURL: string;

beforeAll(async () => {
  const bundle = await build({ entryPoints: [path.join(__dirname, 'passkey-page-client.mjs')], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'error' });
  const script = bundle.outputFiles[0].text;
  server = createServer();
  // Every interface, dual stack: the browser may resolve localhost to ::1 or to 127.0.0.1.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  // WebAuthn wants a domain as rp id (never an IP) and a secure context: http://localhost is both.
  baseURL = `http://localhost:${(server.address() as AddressInfo).port}`;
  const auth = new BetterAuth({ secret: TEST_SECRET, baseURL })
    .database(new MemoryDatabaseAdapter())
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new PasskeyPlugin({ rpName: 'Passkey test' }))
    .build();
  const authHandler = toNodeHandler(auth);
  server.on('request', (request, response) => {
    if (request.url === '/') return void response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (request.url === '/client.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    return void authHandler(request, response);
  });
});

afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

function runBrowser(email: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT], { env: { ...process.env, BASE_URL: baseURL, CHROMIUM, EMAIL: email, PASSWORD }, timeout: 140_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

test('chromium registers a passkey with the official passkeyClient, signs out, signs in with it, lists it, refuses a second registration of the same authenticator, and deletes it', async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser test.`);
  const email = `chromium-${Date.now()}@example.com`;
  const run = await runBrowser(email);
  if (run.code !== 0) throw new Error(`passkey-chromium.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
  const results = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
  process.stdout.write(`browser: ${results.version}\n`);

  expect(results.signUp).toEqual({ error: null, email });
  expect(results.added).toMatchObject({ error: null, name: 'Chromium', transports: 'internal' });
  expect(results.authenticatorHolds).toEqual([{ resident: true, id: results.added.credentialID }]);
  expect(results.signOut).toEqual({ signOut: { success: true }, session: null });
  expect(results.signIn).toEqual({ error: null, email, session: email });
  expect(results.listed).toEqual([{ id: expect.any(String), name: 'Chromium', credentialID: results.added.credentialID }]);
  // The browser itself refuses: the authenticator holds a credential listed in excludeCredentials.
  expect(results.again).toEqual({ data: null, code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' });
  expect(results.deleted).toEqual({ deleted: { status: true }, after: [] });
});
