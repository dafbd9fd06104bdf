import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api'); // the auth routes' default base path, /api/auth, lies below it
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  console.log(`Nest example listening on ${port}: POST /api/auth/sign-up/email, then GET /api/profile`);
}

void bootstrap();
