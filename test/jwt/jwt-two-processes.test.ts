import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { runMigrations } from 'better-auth-entities/migrations';
import { createPostgresSchema, type TestDatabase } from '../support/databases';

/**
 * Two app processes (test/jwt/jwt-server.ts) on one PostgreSQL schema with no key yet, each asked for tokens at
 * the same moment: whichever keys they make, every token either signed must verify against the /jwks of either.
 */
const ROOT = join(__dirname, '../..');
const BASE = 'http://127.0.0.1';

interface App {
  url: string;
  child: ChildProcess;
}

function startApp(postgresUrl: string): Promise<App> {
  const child = spawn(process.execPath, ['-r', './tools/register-typescript.cjs', '-r', 'tsconfig-paths/register', 'test/jwt/jwt-server.ts', postgresUrl], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start: ${errors.join('\n')}`)), 180_000);
    child.once('exit', (code) => reject(new Error(`the app exited with ${code}: ${errors.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const ready = /^READY (\d+)$/.exec(line);
      if (!ready) return;
      clearTimeout(timer);
      resolve({ url: `${BASE}:${ready[1]}/api/auth`, child });
    });
  });
}

let database: TestDatabase;
let apps: App[] = [];

beforeAll(async () => {
  database = await createPostgresSchema('jwt_two_processes');
  const migrated = await TypeOrmAdapter.connect(database.url, {});
  await runMigrations(migrated);
  await migrated.close();
  apps = await Promise.all([startApp(database.url), startApp(database.url)]);
}, 400_000);

afterAll(async () => {
  for (const app of apps) app.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await database?.drop();
});

async function signUp(app: App): Promise<string> {
  const answer = await fetch(`${app.url}/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE },
    body: JSON.stringify({ email: `jwt-${Math.random().toString(36).slice(2)}@example.com`, password: 'correct horse battery staple', name: 'Two' }),
  });
  expect(answer.status).toBe(200);
  return answer.headers.get('set-cookie')!.split(';')[0]!;
}

async function token(app: App, cookie: string): Promise<string> {
  const answer = await fetch(`${app.url}/token`, { headers: { cookie } });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { token: string }).token;
}

it('parallel first /token calls on two processes: every token verifies against either process’s /jwks', async () => {
  const [a, b] = apps as [App, App];
  const [cookieA, cookieB] = await Promise.all([signUp(a), signUp(b)]);
  const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? token(a, cookieA) : token(b, cookieB))));
  for (const app of [a, b]) {
    const keySet = createLocalJWKSet(await (await fetch(`${app.url}/jwks`)).json());
    for (const jwt of tokens) await expect(jwtVerify(jwt, keySet, { issuer: BASE, audience: BASE })).resolves.toBeTruthy();
  }
  // Each process keeps one key for all its tokens (made once, however many requests raced for it).
  const kidsOf = (from: number) => new Set(tokens.filter((_, i) => i % 2 === from).map((jwt) => decodeProtectedHeader(jwt).kid));
  expect(kidsOf(0).size).toBe(1);
  expect(kidsOf(1).size).toBe(1);
}, 120_000);
