/**
 * Starts the suite's Nest app in its own process (NestJS 12 is ES modules only, which jest's CommonJS loader
 * cannot load; plain Node loads them through `require`). Usage:
 *   node -r ./tools/register-typescript.cjs -r tsconfig-paths/register test/nest/nest-server.ts <express|fastify> <prefix> [basePath]
 * Built with @nestjs/testing as a Nest app's own e2e tests do; prints `READY <port>` once listening.
 */
import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TestAppModule, type ServerSettings } from './nest-test-app';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

async function main(): Promise<void> {
  const [platform, prefix, basePath] = process.argv.slice(2);
  const port = await freePort();
  // The instance's baseURL is the server's own origin: the trusted Origin the official client sends.
  const settings: ServerSettings = { baseURL: `http://127.0.0.1:${port}`, basePath };
  process.env.NEST_TEST_SETTINGS = JSON.stringify(settings);
  const moduleRef = await Test.createTestingModule({ imports: [TestAppModule] }).compile();
  const app: INestApplication =
    platform === 'fastify' ? moduleRef.createNestApplication(new FastifyAdapter(), { logger: ['error'] }) : moduleRef.createNestApplication({ logger: ['error'] });
  if (prefix) app.setGlobalPrefix(prefix);
  await app.listen(port, '127.0.0.1');
  process.stdout.write(`READY ${port}\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
