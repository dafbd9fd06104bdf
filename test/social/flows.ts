import { TypeOrmAdapter } from 'better-auth-entities/adapters/typeorm';
import { MemoryDatabaseAdapter, type DatabaseAdapter } from 'better-auth-entities/adapters';
import { runMigrations } from 'better-auth-entities/migrations';
import { createPostgresSchema, type TestDatabase } from '../support/databases';
import { AUTH_BASE, type Browser } from './browser';
import { SocialUser, SOCIAL_USER_COLUMNS } from './social-setup';

type AnyDatabase = DatabaseAdapter<any, any, any, any, any, any, any>;

/** Starts a sign-in (or link) and follows the provider's pages up to, not into, our callback; returns the callback URL. */
export async function authorize(browser: Browser, body: Record<string, unknown>, path = '/sign-in/social', tamper?: (url: URL) => void): Promise<string> {
  const started = await browser.api('POST', path, body);
  if (started.status !== 200) throw new Error(`${path} answered ${started.status} ${JSON.stringify(started.json)}`);
  const url = new URL(started.json.url);
  tamper?.(url);
  const reached = await browser.follow(url.href, (next) => next.href.startsWith(`${AUTH_BASE}/callback/`));
  if (reached.status !== 0) throw new Error(`the provider stopped at ${reached.url} with ${reached.status}: ${await reached.response.text()}`);
  return reached.url;
}

/** The whole flow: start, the provider's pages, the callback; returns where the browser landed. */
export async function signIn(browser: Browser, body: Record<string, unknown>, path = '/sign-in/social'): Promise<URL> {
  const callback = await authorize(browser, body, path);
  return new URL((await browser.follow(callback)).url);
}

/** The `error` a landing URL carries, or `null` for a success. */
export function errorOf(landed: URL | string): string | null {
  return new URL(landed).searchParams.get('error');
}

/** Memory and PostgreSQL (shipped migrations plus the app's two columns), for `describe.each`. */
export function socialBackends(label: string): Array<[string, () => Promise<AnyDatabase>]> {
  let postgres: TestDatabase | undefined;
  let adapter: TypeOrmAdapter<any, any, any, any, any, any, any> | undefined;
  afterAll(async () => {
    await adapter?.close();
    await postgres?.drop();
  });
  return [
    ['memory', async () => new MemoryDatabaseAdapter({ user: SocialUser })],
    [
      'PostgreSQL',
      async () => {
        if (adapter) return adapter;
        postgres = await createPostgresSchema(label);
        adapter = await TypeOrmAdapter.connect(postgres.url, { user: SocialUser });
        await runMigrations(adapter);
        for (const column of SOCIAL_USER_COLUMNS) await adapter.dataSource.query(`ALTER TABLE users ADD COLUMN ${column} VARCHAR(255)`);
        return adapter;
      },
    ],
  ];
}
