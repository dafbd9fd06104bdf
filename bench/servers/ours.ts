/**
 * Our auth behind node:http, in the setup the comparison uses: built-in entities (Better Auth's default schema),
 * email/password and session routes. Usage: ours.ts <memory|sqlite|postgres|postgres-redis> [databaseUrl]
 * (postgres-redis: Redis at BENCH_REDIS_URL, default redis://127.0.0.1:6379, as secondary storage).
 * BENCH_PLUGINS=passwordless also mounts the passkey, magic-link and email-OTP plugins, so a run shows what
 * mounting them costs get-session (next to `--baseline`, a checkout without them).
 *
 * Prints `READY {"port", "cookie"}` once a bench user exists, or `SKIP <reason>` when the backend's code is not
 * in the tree yet (the TypeORM adapter and the migrations arrive separately).
 */
import 'reflect-metadata';
// First: it decides whether the library finds @opentelemetry/api, and registers the SDK when asked (BENCH_OTEL).
import './otel-mode';
import { createServer } from 'node:http';
import { BetterAuth, toNodeHandler, type Auth } from 'better-auth-entities';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailOtpPlugin, EmailPasswordPlugin, MagicLinkPlugin, MemoryEmailSender, PasskeyPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { openSqlAdapter } from './sql-adapter';
import { BENCH_EMAIL, BENCH_ORIGIN, BENCH_PASSWORD, BENCH_SECRET, announceReady, benchEnvironment, withLoopProbe } from './protocol.cjs';

// The Redis key prefix is this process's own unless the cluster wrapper gives its workers a shared one.
const environment = benchEnvironment(`bench-ours-${process.pid}:`);

async function openAdapter(backend: string, url: string | undefined): Promise<DatabaseAdapter | string> {
  if (backend === 'memory') return new MemoryDatabaseAdapter();
  if (!url) throw new Error(`backend ${backend} needs a database URL`);
  return openSqlAdapter(url);
}

async function main(): Promise<void> {
  const [backend = 'memory', url] = process.argv.slice(2);
  const adapter = await openAdapter(backend, url);
  if (typeof adapter === 'string') {
    console.log(`SKIP ${adapter}`);
    return;
  }
  const passwordless = process.env.BENCH_PLUGINS === 'passwordless';
  const builder = new BetterAuth({
    secret: BENCH_SECRET,
    // The passwordless plugins refuse to start without a way to send their emails; none is sent during the bench.
    emailSender: passwordless ? new MemoryEmailSender() : undefined,
    baseURL: BENCH_ORIGIN,
    secondaryStorage: backend === 'postgres-redis' ? redisStorage() : undefined,
    // The flood section's clients are told apart by X-Forwarded-For, as behind a load balancer.
    rateLimit: { enabled: environment.rateLimit },
    trustProxyHeaders: environment.rateLimit,
  })
    .database(adapter)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin());
  if (passwordless) builder.plugin(new PasskeyPlugin()).plugin(new MagicLinkPlugin()).plugin(new EmailOtpPlugin());
  const auth = builder.build();
  // A second cluster worker shares the first one's database: the bench user and its cookie exist already.
  const cookie = environment.skipSignUp ? undefined : await signUpBenchUser(auth);
  const server = createServer(withLoopProbe(toNodeHandler(auth)));
  server.listen(0, '127.0.0.1', () => announceReady(server, { cookie }));
}

async function signUpBenchUser(auth: Auth<object, object>): Promise<string> {
  const { token } = await auth.api.signUpEmail({ email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' });
  return `better-auth.session_token=${encodeURIComponent(auth.context.cookies.signed(token!))}`;
}

/** A key prefix of this run's own, so two runs never read each other's keys. */
function redisStorage() {
  // Loaded here, not imported: a checkout without Redis support still runs the other backends.
  const { RedisSecondaryStorage } = require('better-auth-entities/redis') as typeof import('better-auth-entities/redis');
  return new RedisSecondaryStorage({ url: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379', keyPrefix: environment.redisPrefix });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
