import { ORIGIN } from './test-auth';

type Handler = (request: Request) => Promise<Response>;

export interface BrowserAnswer {
  status: number;
  // Tests read arbitrary JSON shapes; each assertion says what it expects.
  json: any;
  headers: Headers;
  /** Every `Set-Cookie` of the answer, whole. */
  setCookies: string[];
}

/**
 * A browser on ORIGIN with a cookie jar: sends what it holds, keeps what answers set (`Max-Age=0` removes).
 * Flows with several cookies (session, two-factor challenge, trusted device) need all of them, not the first.
 * @example
 * const browser = new Browser(auth.handler);
 * await browser.post('/sign-in/email', { email, password });
 * browser.cookie('better-auth.two_factor'); // the signed value, or undefined
 */
export class Browser {
  readonly jar = new Map<string, string>();

  constructor(private readonly handler: Handler) {}

  post(path: string, body: unknown = {}): Promise<BrowserAnswer> {
    return this.send('POST', path, body);
  }

  get(path: string): Promise<BrowserAnswer> {
    return this.send('GET', path);
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  /** A second browser holding a copy of this one's cookies (a stolen or copied cookie jar). */
  clone(): Browser {
    const copy = new Browser(this.handler);
    for (const [name, value] of this.jar) copy.jar.set(name, value);
    return copy;
  }

  private async send(method: string, path: string, body?: unknown): Promise<BrowserAnswer> {
    const headers = new Headers({ origin: ORIGIN });
    if (body !== undefined) headers.set('content-type', 'application/json');
    if (this.jar.size > 0) headers.set('cookie', [...this.jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await this.handler(new Request(`${ORIGIN}/api/auth${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
    const setCookies = response.headers.getSetCookie();
    for (const header of setCookies) {
      const [pair] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (/max-age=0(;|$)/i.test(header) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers, setCookies };
  }
}
