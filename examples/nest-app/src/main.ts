import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { settings } from './settings';

async function bootstrap() {
  const app = settings.platform === 'fastify' ? await NestFactory.create(AppModule, new FastifyAdapter()) : await NestFactory.create(AppModule);
  app.setGlobalPrefix('api'); // the auth routes' default base path, /api/auth, lies below it
  app.enableShutdownHooks();
  // Fastify listens on 127.0.0.1 unless told; both platforms answer on localhost either way.
  if (settings.platform === 'fastify') await app.listen(settings.port, '0.0.0.0');
  else await app.listen(settings.port);
  console.log(`Nest example (${settings.platform}) listening on ${settings.port} as ${settings.baseURL}: POST /api/auth/sign-up/email, then GET /api/profile`);
}

void bootstrap();
