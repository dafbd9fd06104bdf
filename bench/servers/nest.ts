/**
 * get-session through a Nest app, for bench/nest.ts. Usage: nest.ts <ours|better-auth> <express|fastify>
 * - ours: `AuthModule.forRoot({ auth })` from better-auth-entities/nest (global guard on, as apps run it).
 * - better-auth: mounted the way its docs and its Nest users do it: `toNodeHandler(auth)` on Nest's Express
 *   instance (with Nest's body parser off, which it needs), and its Fastify recipe (a catch-all route building
 *   a Web `Request`) on Nest's Fastify instance.
 * Both on the memory adapter, with the same secret and base URL, and a `GET /trivial` route answering
 * `{ ok: true }`: the platform's own ceiling. Prints `READY {"port","cookie"}` (see bench/lib/child-server.ts).
 */
import 'reflect-metadata';
import { Controller, Get, Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { BetterAuth } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AuthModule, Public } from 'better-auth-entities/nest';
import { EmailPasswordPlugin, SessionManagementPlugin } from 'better-auth-entities/plugins';
import { BENCH_EMAIL, BENCH_ORIGIN, BENCH_PASSWORD, BENCH_SECRET, BETTER_AUTH_OPTIONS, CPU_PATH, announceReady } from './protocol.cjs';

@Controller()
class BenchController {
  @Public()
  @Get('trivial')
  trivial() {
    return { ok: true };
  }

  /** The driver's idle probe (bench/lib/probes.ts). */
  @Public()
  @Get(CPU_PATH.slice(1))
  cpu() {
    const { user, system } = process.cpuUsage();
    return { micros: user + system };
  }
}

function moduleWith(imports: DynamicModule[]) {
  @Module({ imports, controllers: [BenchController] })
  class BenchModule {}
  return BenchModule;
}

async function ours(platform: string): Promise<{ app: INestApplication; cookie: string }> {
  const auth = new BetterAuth({ secret: BENCH_SECRET, baseURL: BENCH_ORIGIN })
    .database(new MemoryDatabaseAdapter())
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .build();
  const { token } = await auth.api.signUpEmail({ email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' });
  const cookie = `better-auth.session_token=${encodeURIComponent(auth.context.cookies.signed(token!))}`;
  const module = moduleWith([AuthModule.forRoot({ auth })]);
  const app = platform === 'fastify' ? await NestFactory.create(module, new FastifyAdapter(), { logger: false }) : await NestFactory.create(module, { logger: false });
  return { app, cookie };
}

async function theirs(platform: string): Promise<{ app: INestApplication; cookie: string }> {
  // ESM-only packages, loaded through require (Node 20.19+).
  const { betterAuth } = await import('better-auth');
  const { memoryAdapter } = await import('better-auth/adapters/memory');
  const { toNodeHandler } = await import('better-auth/node');
  const auth = betterAuth({ ...BETTER_AUTH_OPTIONS, database: memoryAdapter({ user: [], session: [], account: [], verification: [] }) });
  const signUp = await auth.api.signUpEmail({ body: { email: BENCH_EMAIL, password: BENCH_PASSWORD, name: 'Bench' }, returnHeaders: true });
  const cookie = signUp.headers.get('set-cookie')!.split(';')[0];
  const module = moduleWith([]);
  if (platform === 'fastify') {
    const app = await NestFactory.create(module, new FastifyAdapter(), { logger: false });
    const fastify = (app.getHttpAdapter() as unknown as { getInstance(): FastifyLike }).getInstance();
    fastify.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      async handler(request, reply) {
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) if (value) headers.append(name, value.toString());
        const body = request.body ? JSON.stringify(request.body) : undefined;
        const response = await auth.handler(new Request(new URL(request.url, `http://${request.headers.host}`), { method: request.method, headers, body }));
        reply.status(response.status);
        response.headers.forEach((value, name) => reply.header(name, value));
        return reply.send(response.body ? await response.text() : null);
      },
    });
    return { app, cookie };
  }
  const app = await NestFactory.create(module, { logger: false, bodyParser: false });
  (app.getHttpAdapter() as unknown as { getInstance(): { all(path: string, handler: unknown): void } }).getInstance().all('/api/auth/*splat', toNodeHandler(auth));
  return { app, cookie };
}

interface FastifyLike {
  route(options: {
    method: string[];
    url: string;
    handler(
      request: { headers: Record<string, string | string[] | undefined>; body: unknown; url: string; method: string },
      reply: { status(code: number): unknown; header(name: string, value: string): unknown; send(body: string | null): unknown },
    ): Promise<unknown>;
  }): void;
}

async function main(): Promise<void> {
  const [contender = 'ours', platform = 'express'] = process.argv.slice(2);
  const { app, cookie } = contender === 'ours' ? await ours(platform) : await theirs(platform);
  await app.listen(0, '127.0.0.1');
  announceReady(app.getHttpServer(), { cookie });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
