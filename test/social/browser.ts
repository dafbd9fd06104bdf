/**
 * A browser for the tests: one cookie jar per host, redirects followed hop by hop. Requests to the app's
 * origin go to `auth.handler` (the app is not listening; its pages are where a flow lands), everything else
 * over real HTTP to the loopback providers.
 */
export const APP_ORIGIN = 'http://localhost:3000';
export const AUTH_BASE = `${APP_ORIGIN}/api/auth`;

type Handler = (request: Request) => Promise<Response>;

export interface Visit {
  readonly status: number;
  readonly url: string;
  readonly response: Response;
}

export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(private readonly handler: Handler) {}

  /** One request with this browser's cookies; its `Set-Cookie` answers are kept. */
  async request(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(target.host);
    if (cookie) headers.set('cookie', cookie);
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const request = new Request(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    const response = target.origin === APP_ORIGIN ? await this.handler(request) : await fetch(request);
    this.store(target.host, response.headers.getSetCookie());
    return response;
  }

  /** A JSON call to the auth API from the app's own page (Origin set, as a browser's fetch does). */
  async api(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const response = await this.request(`${AUTH_BASE}${path}`, { method, body, headers: { origin: APP_ORIGIN } });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }

  /**
   * Follows redirects from `url` until an answer is not a redirect, or (with `stopAt`) until the next hop
   * would go where `stopAt` says; returns that last URL and answer.
   */
  async follow(url: string, stopAt?: (next: URL) => boolean): Promise<Visit> {
    let current = url;
    for (let hop = 0; hop < 20; hop += 1) {
      if (stopAt?.(new URL(current))) return { status: 0, url: current, response: new Response(null) };
      // The app's own pages are not served here: arriving at one ends the walk.
      if (current.startsWith(APP_ORIGIN) && !current.startsWith(AUTH_BASE)) return { status: 200, url: current, response: new Response(null) };
      const response = await this.request(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { status: response.status, url: current, response };
      current = new URL(location, current).href;
    }
    throw new Error('too many redirects');
  }

  /** Whether this browser holds a cookie of that name for the app. */
  appCookie(name: string): string | undefined {
    return this.jars.get(new URL(APP_ORIGIN).host)?.get(name);
  }

  private cookieHeader(host: string): string {
    const jar = this.jars.get(host);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }

  private store(host: string, setCookies: string[]): void {
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=thu, 01 jan 1970/i.test(attribute));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
}
