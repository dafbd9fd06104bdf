/**
 * Better Auth 1.7 with `@better-auth/api-key` (sessions for keys on) on its memory adapter, for the API-key
 * bench: one user, one key made through its server API. Its per-key limit is off (its default, 10 a day, would
 * stop the run at the eleventh request); everything else is its default.
 * Usage: node bench/servers/api-key-better-auth.mjs · Prints `READY {"port","cookie","apiKey"}`.
 */
import { createServer } from 'node:http';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { toNodeHandler } from 'better-auth/node';
import { apiKey } from '@better-auth/api-key';
import { BENCH_EMAIL, BENCH_PASSWORD, BETTER_AUTH_OPTIONS, announceReady, withLoopProbe } from './protocol.cjs';

const auth = betterAuth({
  ...BETTER_AUTH_OPTIONS,
  database: memoryAdapter({ user: [], session: [], account: [], verification: [], apikey: [] }),
  plugins: [apiKey({ enableSessionForAPIKeys: true, rateLimit: { enabled: false } })],
});
const signUp = await auth.api.signUpEmail({ body: { email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' }, returnHeaders: true });
const cookie = signUp.headers.get('set-cookie').split(';')[0];
const created = await auth.api.createApiKey({ body: { userId: signUp.response.user.id, name: 'bench' } });
const server = createServer(withLoopProbe(toNodeHandler(auth)));
server.listen(0, '127.0.0.1', () => announceReady(server, { cookie, apiKey: created.key }));
