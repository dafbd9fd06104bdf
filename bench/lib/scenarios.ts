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

/**
 * POST sign-in/email for the bench user with a wrong password, each request from the next of `addresses`
 * client addresses (`X-Forwarded-For`, believed by servers configured to trust their proxy): a botnet guessing
 * one account's password. One address would be stopped by any per-client limit at once.
 */
export function wrongPasswordFlood(addresses: number): Scenario {
  let next = 0;
  const body = JSON.stringify({ email: BENCH_EMAIL, password: 'not the password' });
  return {
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const n = next++ % addresses;
          return { ...request, headers: { ...JSON_POST, 'x-forwarded-for': `10.77.${n >> 8}.${n & 255}` }, body };
        },
      },
    ],
  };
}
