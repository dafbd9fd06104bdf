/**
 * Our auth on the memory adapter for the API-key bench. Usage: api-key-ours.ts <plugin|plain>
 * `plugin` mounts ApiKeyPlugin with sessions for keys and makes one key for the bench user; `plain` mounts no
 * API-key plugin (the figure get-session without the header must keep). Prints `READY {"port","cookie","apiKey"}`.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { BetterAuth, toNodeHandler } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { ApiKeyPlugin, EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { BENCH_EMAIL, BENCH_ORIGIN, BENCH_PASSWORD, BENCH_SECRET, announceReady, withLoopProbe } from './protocol.cjs';

async function main(): Promise<void> {
  const withPlugin = process.argv[2] !== 'plain';
  const builder = new BetterAuth({ secret: BENCH_SECRET, baseURL: BENCH_ORIGIN, rateLimit: { enabled: false } })
    .database(new MemoryDatabaseAdapter())
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin());
  if (withPlugin) builder.plugin(new ApiKeyPlugin({ enableSessionForAPIKeys: true }));
  const auth = builder.build();
  const { token, user } = await auth.api.signUpEmail({ email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' });
  const cookie = `better-auth.session_token=${encodeURIComponent(auth.context.cookies.signed(token!))}`;
  const userId = (user as { id: string }).id;
  const api = auth.api as unknown as { apiKey?: { create(input: { userId: string; name: string }): Promise<{ key: unknown }> } };
  const apiKey = withPlugin && api.apiKey ? String((await api.apiKey.create({ userId, name: 'bench' })).key) : undefined;
  const server = createServer(withLoopProbe(toNodeHandler(auth)));
  server.listen(0, '127.0.0.1', () => announceReady(server, { cookie, apiKey }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
