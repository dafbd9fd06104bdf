/**
 * Better Auth 1.7 with its `jwt` plugin on its memory adapter, for the jwt bench (Ed25519, its default).
 * Usage: node bench/servers/jwt-better-auth.mjs. Prints `READY {"port", "cookie"}`.
 */
import { createServer } from 'node:http';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { toNodeHandler } from 'better-auth/node';
import { jwt } from 'better-auth/plugins';
import { BENCH_EMAIL, BENCH_PASSWORD, BETTER_AUTH_OPTIONS, announceReady, withLoopProbe } from './protocol.cjs';

const auth = betterAuth({
  ...BETTER_AUTH_OPTIONS,
  database: memoryAdapter({ user: [], session: [], account: [], verification: [], jwks: [] }),
  plugins: [jwt()],
});
const signUp = await auth.api.signUpEmail({ body: { email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' }, returnHeaders: true });
const cookie = signUp.headers.get('set-cookie').split(';')[0];
const server = createServer(withLoopProbe(toNodeHandler(auth)));
server.listen(0, '127.0.0.1', () => announceReady(server, { cookie }));
