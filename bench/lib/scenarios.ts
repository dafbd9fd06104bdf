import type { Scenario } from './load';
import { BENCH_EMAIL, BENCH_ORIGIN, BENCH_PASSWORD } from '../servers/protocol.cjs';

/** GET get-session presenting the signed session cookie, the browser flow both libraries share. */
export function getSession(cookie: string): Scenario {
  return { method: 'GET', headers: { cookie } };
}

/** GET get-session cycling through many users' cookies (prebuilt by autocannon, so the client stays cheap). */
export function getSessionRotating(cookies: readonly string[]): Scenario {
  return { requests: cookies.map((cookie) => ({ method: 'GET' as const, headers: { cookie } })) };
}

const JSON_POST = { 'content-type': 'application/json', origin: BENCH_ORIGIN };

/** POST sign-in/email with the bench user's right password: one hash check and a new session per request. */
export function signIn(): Scenario {
  return { method: 'POST', headers: JSON_POST, body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }) };
}

/** POST sign-up/email with a new email every request: one hash, a user, an account and a session. */
export function signUp(runId: string): Scenario {
  let next = 0;
  return {
    requests: [
      {
        method: 'POST',
        headers: JSON_POST,
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ email: `user-${runId}-${next++}@example.com`, password: BENCH_PASSWORD, name: 'Bench' }),
        }),
      },
    ],
  };
}

/** The hash-only ceiling server's request: the same body a sign-in sends. */
export function hashOnly(): Scenario {
  return signIn();
}
