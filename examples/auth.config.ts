// The example app's auth for the schema CLI:
//   npx better-auth-entities generate --config examples/auth.config.ts --dialect postgres
//   DATABASE_URL=postgres://… npx better-auth-entities migrate --config examples/auth.config.ts
// `generate` needs no database (the memory adapter carries the entity models); `migrate` connects to DATABASE_URL.
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { createAuth } from './create-auth';
import { appEntities } from './entities';

export async function auth() {
  const url = process.env.DATABASE_URL;
  return createAuth(url ? { database: await TypeOrmAdapter.connect(url, appEntities) } : {}).auth;
}
