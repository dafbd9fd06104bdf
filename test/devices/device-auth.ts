import { BetterAuth, type AuthConfig } from 'better-auth-entities';
import {
  EmailPasswordPlugin,
  MultiSessionPlugin,
  OneTimeTokenPlugin,
  SessionManagementPlugin,
  type MultiSessionOptions,
  type OneTimeTokenOptions,
} from 'better-auth-entities/plugins';
import type { AppDatabase } from '../../examples/create-auth';
import { call, PASSWORD, uniqueEmail, type CallOptions, type CallResult, ORIGIN, TEST_SECRET } from '../support/test-auth';

export interface DeviceAuthOptions {
  multiSession?: MultiSessionOptions | false;
  oneTimeToken?: OneTimeTokenOptions | false;
  config?: Partial<AuthConfig>;
}

/** Email/password and sessions, with the multi-session and one-time-token plugins, on `database`. */
export function makeDeviceAuth(database: AppDatabase, options: DeviceAuthOptions = {}) {
  const builder = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, ...options.config })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin());
  if (options.multiSession !== false) builder.plugin(new MultiSessionPlugin(options.multiSession));
  if (options.oneTimeToken !== false) builder.plugin(new OneTimeTokenPlugin(options.oneTimeToken));
  return { auth: builder.build(), database };
}

type Handler = (request: Request) => Promise<Response>;

/** One browser: keeps every cookie the server sets (Max-Age=0 removes one) and sends them all back. */
export class Browser {
  readonly cookies = new Map<string, string>();
  /** The `Set-Cookie` lines of the last answer. */
  lastSetCookies: string[] = [];

  constructor(private readonly handler: Handler) {}

  async call(method: string, path: string, options: Omit<CallOptions, 'cookie'> = {}): Promise<CallResult> {
    const result = await call(this.handler, method, path, { ...options, cookie: this.header() || undefined });
    this.lastSetCookies = result.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (/;\s*Max-Age=0(;|$)/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return result;
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** The names of the multi-session cookies held. */
  multiCookies(): string[] {
    return [...this.cookies.keys()].filter((name) => name.includes('session_token_multi-'));
  }

  /** Signs up a fresh account in this browser; returns its user and raw token. */
  async signUp(prefix = 'device'): Promise<{ email: string; user: { id: string; email: string }; token: string }> {
    const email = uniqueEmail(prefix);
    const answer = await this.call('POST', '/sign-up/email', { body: { email, password: PASSWORD, name: prefix } });
    if (answer.status !== 200) throw new Error(`sign-up failed: ${answer.status} ${JSON.stringify(answer.json)}`);
    return { email, user: answer.json.user, token: answer.json.token };
  }

  async signIn(email: string): Promise<{ user: { id: string }; token: string }> {
    const answer = await this.call('POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.json)}`);
    return { user: answer.json.user, token: answer.json.token };
  }

  /** The user id of the browser's current session, or null. */
  async currentUserId(): Promise<string | null> {
    const answer = await this.call('GET', '/get-session');
    return answer.json?.user?.id ?? null;
  }
}
