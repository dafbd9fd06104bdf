/**
 * One app process of the multi-process test: the built-in entities on PostgreSQL (shared), Redis as secondary
 * storage (through the test's TCP proxy), rate limiting on, the admin plugin for bans, password reset (whose
 * emails are printed as `MAIL <to> <token>`, for the test to follow). Prints `READY <port>` once listening.
 * Usage: node -r ./tools/register-typescript.cjs -r tsconfig-paths/register test/multi-process/server.ts <postgres-url> <redis-url> <label>
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { BetterAuth } from 'better-auth-entities';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { toNodeHandler } from 'better-auth-entities/node';
import { AdminPlugin, EmailPasswordPlugin, PasswordManagementPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { RedisSecondaryStorage } from 'better-auth-entities/redis';

async function main(): Promise<void> {
  const [postgresUrl, redisUrl, label] = process.argv.slice(2);
  const database = await TypeOrmAdapter.connect(postgresUrl, {}, { pool: { maxConnections: 4 } });
  const storage = new RedisSecondaryStorage({ url: redisUrl, keyPrefix: `multi-process-${process.env.TEST_RUN_ID}:`, commandTimeoutMs: 500 });
  const auth = new BetterAuth({
    secret: 'multi-process-test-secret-with-more-than-32-chars',
    baseURL: 'http://127.0.0.1',
    trustProxyHeaders: true,
    secondaryStorage: storage,
    rateLimit: { enabled: true, customRules: { '/sign-up/*': { windowSeconds: 10, max: 1000 } } },
    // Test only: the emailed token goes to stdout so the test can use it on either process.
    emailSender: { send: async (message) => void console.log(`MAIL ${message.to} ${message.token}`) },
    logger: { error: (message, ...details) => console.error(`[${label}] ${message}`, ...details), warn: (message) => console.error(`[${label}] ${message}`) },
  })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new PasswordManagementPlugin())
    .plugin(new AdminPlugin())
    .build();
  const server = createServer(toNodeHandler(auth));
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`);
  });
  process.on('SIGTERM', () => {
    server.close();
    void auth.close().then(() => storage.close()).then(() => database.close()).then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
