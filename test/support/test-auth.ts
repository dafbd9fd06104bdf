import { BetterAuth, type AuthConfig } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import type { EntityClass } from 'better-auth-entities/entities';
import { EmailPasswordPlugin, SessionManagementPlugin, type EmailPasswordOptions, type SessionManagementOptions } from 'better-auth-entities/plugins';
import type { AppDatabase } from '../../examples/create-auth';
import { appEntities } from '../../examples/entities';

export const TEST_SECRET = 'test-secret-with-more-than-thirty-two-characters';
export const ORIGIN = 'http://localhost:3000';

export interface TestAuthOptions {
  config?: Partial<AuthConfig>;
  /** The storage; a fresh memory adapter with the example's classes when left out. */
  database?: AppDatabase;
  /** Replaces the example's user class. */
  user?: EntityClass<object>;
  emailPassword?: EmailPasswordOptions;
  sessions?: SessionManagementOptions;
}

/** The example app's entities (on a fresh memory adapter unless given a database), with both core plugins. */
export function makeTestAuth(options: TestAuthOptions = {}) {
  const database: AppDatabase =
    options.database ?? new MemoryDatabaseAdapter({ ...appEntities, ...(options.user ? { user: options.user as typeof appEntities.user } : {}) });
  const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, ...options.config })
    .database(database)
    .plugin(new EmailPasswordPlugin(options.emailPassword))
    .plugin(new SessionManagementPlugin(options.sessions))
    .build();
  return { auth, database };
}

export interface CallOptions {
  body?: unknown;
  /** A raw body string (sent as is), for malformed input. */
  rawBody?: string;
  cookie?: string;
  bearer?: string;
  origin?: string | null;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  // Tests read arbitrary JSON shapes; each assertion says what it expects.
  json: any;
  headers: Headers;
  /** `name=value` of the first Set-Cookie, ready to send back. */
  cookie: string | undefined;
}

type Handler = (request: Request) => Promise<Response>;

/** Sends one request through `auth.handler`, as a browser on ORIGIN would (pass `origin: null` to omit it). */
export async function call(handler: Handler, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers = new Headers(options.headers);
  if (options.origin !== null) headers.set('origin', options.origin ?? ORIGIN);
  if (options.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if (options.cookie) headers.set('cookie', options.cookie);
  if (options.bearer) headers.set('authorization', `Bearer ${options.bearer}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await handler(new Request(`${ORIGIN}/api/auth${path}`, { method, headers, body }));
  const text = await response.text();
  const setCookie = response.headers.get('set-cookie');
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers, cookie: setCookie?.split(';')[0] };
}

export const PASSWORD = 'correct horse battery staple';

let counter = 0;
/** A fresh address per call, so tests never collide. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${counter}-${Date.now()}@example.com`;
}

/** Signs up a user and returns its cookie, token and JSON. */
export async function signUp(handler: Handler, email = uniqueEmail(), extra: Record<string, unknown> = {}) {
  const result = await call(handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Test User', ...extra } });
  if (result.status !== 200) throw new Error(`sign-up failed: ${result.status} ${JSON.stringify(result.json)}`);
  return { email, cookie: result.cookie!, token: result.json.token as string, user: result.json.user };
}
