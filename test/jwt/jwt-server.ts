/**
 * One app process of the two-process JWT test: the built-in entities on a shared PostgreSQL schema, the JWT
 * plugin, email/password. Prints `READY <port>` once listening.
 * Usage: node -r ./tools/register-typescript.cjs -r tsconfig-paths/register test/jwt/jwt-server.ts <postgres-url>
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import { BetterAuth } from 'better-auth-entities';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { toNodeHandler } from 'better-auth-entities/node';
import { EmailPasswordPlugin, JwtPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';

async function main(): Promise<void> {
  const [postgresUrl] = process.argv.slice(2);
  const database = await TypeOrmAdapter.connect(postgresUrl!, {}, { pool: { maxConnections: 4 } });
  const auth = new BetterAuth({ secret: 'jwt-two-process-test-secret-with-more-than-32-chars', baseURL: 'http://127.0.0.1' })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new JwtPlugin())
    .build();
  const server = createServer(toNodeHandler(auth));
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`);
  });
  process.on('SIGTERM', () => {
    server.close();
    void auth.close().then(() => database.close()).then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
