import { digestToken } from 'better-auth-entities';
import type { EmailMessage } from 'better-auth-entities';
import { describeOnEveryBackend } from '../support/backends';
import { makeLifecycleAuth } from '../support/lifecycle-auth';
import { PASSWORD } from '../support/test-auth';
import { snapshot, rowsChanged } from './table-snapshot';

const BASE = 'https://app.example.com';
const COOKIE = '__Secure-better-auth.session_token';
const STACK_TRACE = /\n\s+at \S+ \(|node_modules\/|\.ts:\d+:\d+/;
const SCRYPT_HASH = /[0-9a-f]{32}:[0-9a-f]{128}/;
/** The console as it was before the tests capture it, for the figures. */
const print = console.log.bind(console);

interface Answer {
  status: number;
  text: string;
  json: any;
  headers: Headers;
}

type Handler = (request: Request) => Promise<Response>;

/** One request as a browser (or app) on the https site sends it. */
async function send(handler: Handler, method: string, path: string, options: { bearer?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers = new Headers({ origin: BASE, ...options.headers });
  if (options.bearer) headers.set('authorization', `Bearer ${options.bearer}`);
  if (options.cookie) headers.set('cookie', options.cookie);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(options.headers ?? {})) if (value === '') headers.delete(name);
  const response = await handler(new Request(`${BASE}/api/auth${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }));
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, text, json, headers: response.headers };
}

/**
 * Every mounted route (core, sessions, password management, account management, user, email verification) is
 * called by two users in turn, signed in and signed out, on an https site, while every console method is
 * captured (the default logger, at its default level). Afterwards no answer and no log line may hold a
 * password hash, another session's token, an emailed token or its stored digest, or a stack trace. No
 * two-factor plugin exists yet, so there is no 2FA secret to look for.
 */
describeOnEveryBackend('secrets stay in', (backend) => {
  let logged: string[];
  let spies: jest.SpyInstance[];
  beforeEach(() => {
    logged = [];
    const capture = (...args: unknown[]) => logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join(' '));
    spies = (['log', 'info', 'debug', 'warn', 'error'] as const).map((method) => jest.spyOn(console, method).mockImplementation(capture));
  });
  afterEach(() => spies.forEach((spy) => spy.mockRestore()));

  function setup() {
    return makeLifecycleAuth({
      database: backend.database(),
      config: { baseURL: BASE },
      emailVerification: { sendOnSignUp: true },
      user: { sendDeleteConfirmation: true },
    });
  }

  it('no answer to anyone, and no log line, carries a password hash, another session’s token, an emailed token, its digest or a stack trace', async () => {
    const { auth, database, mail, settle } = setup();
    // Every email, failed ones too: the change-email sends fail, so the failure log is walked as well.
    const emails: EmailMessage[] = [];
    const deliver = mail.send.bind(mail);
    jest.spyOn(mail, 'send').mockImplementation(async (message) => {
      emails.push(message);
      if (message.kind === 'change-email') throw new Error(`SMTP 451: temporary failure for ${message.to}`);
      return deliver(message);
    });

    const answers: Array<[label: string, text: string]> = [];
    const setCookies: string[] = [];
    const record = (label: string, answer: Answer) => {
      expect(answer.status).toBeLessThan(500);
      // The caller's own new token travels in set-auth-token and the cookie; everything else is walked.
      const headers = [...answer.headers.entries()].filter(([name]) => name !== 'set-auth-token' && name !== 'set-cookie').join(';');
      answers.push([label, `${answer.text}\n${headers}`]);
      setCookies.push(...answer.headers.getSetCookie());
      return answer;
    };
    const actors = [];
    for (const name of ['alice', 'bob']) {
      // The actors' own sign-up and sign-in answers carry the tokens looked for later: only their cookies are kept.
      const signedUp = await send(auth.handler, 'POST', '/sign-up/email', { body: { email: `${name}@example.com`, password: PASSWORD, name } });
      expect(signedUp.status).toBe(200);
      const phone = await send(auth.handler, 'POST', '/sign-in/email', { body: { email: `${name}@example.com`, password: PASSWORD } });
      setCookies.push(...signedUp.headers.getSetCookie(), ...phone.headers.getSetCookie());
      actors.push({ name, email: `${name}@example.com`, id: signedUp.json.user.id as string, tokens: [signedUp.json.token as string, phone.json.token as string] });
    }
    const hashesBefore = await passwordHashes(database, actors.map((a) => a.id));
    const sessionTokens = actors.flatMap((actor) => actor.tokens);

    for (const actor of actors) {
      const other = actors.find((candidate) => candidate !== actor)!;
      for (const route of auth.routes) {
        // A fresh session per route, opened without hashing, so routes that end sessions leave the next ones signed in.
        const { token } = await auth.context.sessions.create(actor.id, { ipAddress: null, userAgent: null });
        const body = route.method === 'POST' ? bodyFor(route.path, actor, other) : undefined;
        const path = route.path.replace(':token', 'not-a-token').replace(/^\/(verify-email|delete-user\/callback)$/, '/$1?token=not-a-token');
        record(`${actor.name} ${route.method} ${route.path}`, await send(auth.handler, route.method, path, { bearer: token, body }));
        if (route.session) record(`signed out ${route.method} ${route.path}`, await send(auth.handler, route.method, path, { body })); // where a session matters
      }
    }
    await settle();

    const hashes = [...hashesBefore, ...(await passwordHashes(database, actors.map((a) => a.id)))];
    expect(emails.map((email) => email.kind).sort()).toEqual(expect.arrayContaining(['change-email', 'delete-account', 'reset-password', 'verify-email']));
    expect(logged.some((line) => line.includes('change-email email failed'))).toBe(true);

    const secrets: Array<[kind: string, value: string]> = [
      ...hashes.map((hash): [string, string] => ['a password hash', hash]),
      ...sessionTokens.map((token): [string, string] => ['a session token', token]),
      ...emails.flatMap((email): Array<[string, string]> => [
        [`a ${email.kind} token`, email.token],
        [`the digest of a ${email.kind} token`, digestToken(email.token)],
      ]),
    ];
    const places: Array<[string, string]> = [...answers, ...logged.map((line, i): [string, string] => [`log line ${i}`, line])];
    const leaks: string[] = [];
    for (const [where, text] of places) {
      for (const [kind, value] of secrets) if (text.includes(value)) leaks.push(`${kind} in ${where}`);
      if (SCRYPT_HASH.test(text)) leaks.push(`something shaped like a scrypt hash in ${where}`);
      if (STACK_TRACE.test(text)) leaks.push(`a stack trace in ${where}`);
    }
    expect(leaks).toEqual([]);
    // Digests of other sessions appear in list-sessions by design: presented as credentials, they open nothing.
    for (const digest of sessionTokens.map(digestToken)) expect((await send(auth.handler, 'GET', '/get-session', { bearer: digest })).json).toBeNull();

    // Over https every cookie set, new or cleared, is __Secure-, HttpOnly, Secure, SameSite and site-wide.
    expect(setCookies.some((cookie) => /Max-Age=[1-9]/i.test(cookie))).toBe(true); // sessions opened
    expect(setCookies.some((cookie) => /Max-Age=0/i.test(cookie))).toBe(true); // sessions ended
    for (const cookie of setCookies) {
      expect(cookie.startsWith(`${COOKIE}=`)).toBe(true);
      expect(cookie).toMatch(/;\s*HttpOnly(;|$)/i);
      expect(cookie).toMatch(/;\s*Secure(;|$)/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax(;|$)/i);
      expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
    }
    print(
      `secrets walk on ${backend.name}: ${answers.length} answers over ${auth.routes.length} routes, ${logged.length} log lines, ` +
        `${secrets.length} secrets looked for (${emails.length} emailed tokens), ${setCookies.length} Set-Cookie headers checked`,
    );
  });

  it('refuses every cookie-authenticated POST without a trusted Origin with 403 INVALID_ORIGIN, and changes nothing', async () => {
    const { auth, database, mail, settle } = setup();
    const signedUp = await send(auth.handler, 'POST', '/sign-up/email', { body: { email: 'carol@example.com', password: PASSWORD, name: 'Carol' } });
    await settle();
    const cookie = signedUp.headers.getSetCookie()[0].split(';')[0];
    expect(cookie.startsWith(`${COOKIE}=`)).toBe(true);
    const before = await snapshot(database);
    const emailsBefore = mail.sent.length;

    const untrusted: Array<[string, Record<string, string>]> = [
      ['no Origin nor Referer', { origin: '' }],
      ['a foreign Origin', { origin: 'https://evil.example' }],
      ['a foreign Referer', { origin: '', referer: 'https://evil.example/page' }],
      ['Origin null', { origin: 'null' }],
      ['the site over plain http', { origin: 'http://app.example.com' }],
      ['a look-alike host', { origin: 'https://app.example.com.evil.example' }],
      ['an unparsable Referer', { origin: '', referer: 'not a url' }],
    ];
    const refused: string[] = [];
    const posts = auth.routes.filter((route) => route.method === 'POST');
    for (const route of posts) {
      for (const [label, headers] of untrusted) {
        const answer = await send(auth.handler, 'POST', route.path, { cookie, headers, body: bodyFor(route.path, { email: 'carol@example.com' }, { email: 'nobody@example.com' }) });
        if (answer.status !== 403 || answer.json?.code !== 'INVALID_ORIGIN') refused.push(`${route.path} with ${label} → ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    }
    await settle();
    expect(refused).toEqual([]);
    expect(rowsChanged(before, await snapshot(database))).toEqual({});
    expect(mail.sent.length).toBe(emailsBefore);
    // The same cookie from the site itself works: the refusals above came from the origin check alone.
    const control = await send(auth.handler, 'POST', '/update-user', { cookie, body: { name: 'Carol Again' } });
    expect([control.status, control.json.user?.name]).toEqual([200, 'Carol Again']);
    expect(posts.length * untrusted.length).toBeGreaterThan(100);
  });
});

/** A body that makes each POST route do its real work for `actor` (or fail on `other`'s data), without ending the walk. */
function bodyFor(path: string, actor: { email: string }, other: { email: string }): Record<string, unknown> {
  switch (path) {
    case '/sign-up/email':
      return { email: `new-${Math.random().toString(36).slice(2)}@example.com`, password: PASSWORD, name: 'New' };
    case '/sign-in/email':
      return { email: actor.email, password: PASSWORD };
    case '/revoke-session':
      return { token: 'not-a-session' };
    case '/request-password-reset':
    case '/forget-password':
      return { email: actor.email };
    case '/reset-password':
      return { newPassword: 'a brand new passphrase 42', token: 'not-a-token' };
    case '/change-password':
      return { currentPassword: PASSWORD, newPassword: PASSWORD }; // a new hash, the same password
    case '/set-password':
      return { newPassword: PASSWORD };
    case '/unlink-account':
      return { providerId: 'credential' };
    case '/update-user':
      return { name: 'Renamed' };
    case '/change-email':
      return { newEmail: `moved-${Math.random().toString(36).slice(2)}@example.com` };
    case '/delete-user':
      return { password: PASSWORD }; // with sendDeleteConfirmation: emails a link instead of deleting
    case '/send-verification-email':
      return { email: actor.email };
    default:
      return { email: other.email };
  }
}

async function passwordHashes(database: ReturnType<typeof makeLifecycleAuth>['database'], userIds: string[]): Promise<string[]> {
  const accounts = (await Promise.all(userIds.map((id) => database.listAccountsForUser(id)))).flat();
  return accounts.map((account) => account.password).filter((hash): hash is string => typeof hash === 'string' && hash.length > 0);
}
