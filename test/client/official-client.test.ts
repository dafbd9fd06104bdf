import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { toNodeHandler } from 'better-auth-entities/node';
import { createAuth } from '../../examples/create-auth';

// `better-auth/client` is ESM-only and cannot load in Jest's CommonJS module registry, so the official client runs in a
// child process (official-client.mjs) against this listening server; we assert on its exit code and output.
const SCRIPT = path.join(__dirname, 'official-client.mjs');

interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runClient(baseURL: string, mode: 'cookies' | 'bearer'): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, '--mode', mode],
      { env: { ...process.env, BASE_URL: baseURL }, timeout: 25_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The one JSON line the script prints, with the process's stderr attached to any failure message. */
function resultsOf(run: ScriptRun): Record<string, unknown> {
  if (run.code !== 0) throw new Error(`official-client.mjs exited with ${run.code}\nstderr: ${run.stderr}\nstdout: ${run.stdout}`);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

describe('the official better-auth client against the example server', () => {
  let server: Server;
  let baseURL: string;

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // baseURL is the server's own origin, so it is the trusted Origin the cookie mode sends.
    const { auth } = createAuth({ baseURL });
    server.on('request', toNodeHandler(auth));
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  const expectedFlow = {
    signUp: { plan: 'free', token: true },
    duplicateSignUp: { status: 422, code: 'USER_ALREADY_EXISTS' },
    wrongPassword: { status: 401, code: 'INVALID_EMAIL_OR_PASSWORD' },
    signIns: 2,
    getSession: { plan: 'free', session: true, deviceLabel: 'unknown device' },
    sessionsListed: 3,
    revokeSession: { status: true, signupDeviceAfter: 200 },
    sessionsAfterRevokeSession: 2,
    revoked: 1,
    phoneAfterRevoke: 200,
    sessionsAfterRevokeOthers: 1,
    signOut: true,
    finalGetSession: { data: null, status: 200, code: null },
    replayedCredential: 200,
  };

  it('signs up, signs in on two devices, lists and revokes sessions and signs out with a cookie jar', async () => {
    const results = resultsOf(await runClient(baseURL, 'cookies'));
    expect(results).toMatchObject({ mode: 'cookies', ...expectedFlow });
    expect(results.signUp).toEqual(expect.objectContaining({ email: expect.stringMatching(/^ada-[0-9a-f]+@example\.com$/) }));
    // The client picks the paths and methods itself: these are the ones our route table must answer.
    expect(results.requests).toEqual(
      expect.arrayContaining([
        'POST /api/auth/sign-in/email',
        'GET /api/auth/get-session',
        'GET /api/auth/list-sessions',
        'POST /api/auth/revoke-session',
        'POST /api/auth/revoke-other-sessions',
        'POST /api/auth/sign-out',
      ]),
    );
  });

  it('does the same flow with Bearer tokens from the set-auth-token header and the sign-in body', async () => {
    const results = resultsOf(await runClient(baseURL, 'bearer'));
    expect(results).toMatchObject({ mode: 'bearer', ...expectedFlow });
    expect(results.requests).toEqual(expect.arrayContaining(['POST /api/auth/revoke-other-sessions', 'POST /api/auth/sign-out']));
  });

  it('exits non-zero with a message when the server does not answer like better-auth', async () => {
    // A server that answers every request with an empty 200: the script must notice, not pass vacuously.
    const wrong = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    await new Promise<void>((resolve) => wrong.listen(0, '127.0.0.1', resolve));
    try {
      const run = await runClient(`http://127.0.0.1:${(wrong.address() as AddressInfo).port}`, 'cookies');
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/official-client: cookies mode: signUp\.email/);
    } finally {
      await new Promise<void>((resolve) => wrong.close(() => resolve()));
    }
  });
});
