/**
 * Our auth with the JWT plugin on the memory adapter, for the jwt bench: email/password, sessions and
 * `JwtPlugin` (Ed25519, its default). Usage: jwt-ours.ts. Prints `READY {"port", "cookie"}`.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { BetterAuth, toNodeHandler } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, JwtPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { BENCH_EMAIL, BENCH_ORIGIN, BENCH_PASSWORD, BENCH_SECRET, announceReady, withLoopProbe } from './protocol.cjs';

async function main(): Promise<void> {
  const auth = new BetterAuth({ secret: BENCH_SECRET, baseURL: BENCH_ORIGIN })
    .database(new MemoryDatabaseAdapter())
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new JwtPlugin())
    .build();
  const { token } = await auth.api.signUpEmail({ email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' });
  const cookie = `better-auth.session_token=${encodeURIComponent(auth.context.cookies.signed(token!))}`;
  const server = createServer(withLoopProbe(toNodeHandler(auth)));
  server.listen(0, '127.0.0.1', () => announceReady(server, { cookie }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
