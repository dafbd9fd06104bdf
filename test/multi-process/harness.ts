import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Starting app processes (`server.ts`) and talking to them over HTTP: shared by the multi-process tests, so each
 * file sets up only what it cuts (one Redis proxy for both processes, or one each).
 */
const ROOT = join(__dirname, '../..');
export const PASSWORD = 'correct horse battery staple';

export interface App {
  name: string;
  url: string;
  child: ChildProcess;
  errors: string[];
  /** `MAIL <to> <token>` lines: the emails the process sent. */
  mails: Array<{ to: string; token: string }>;
}

export function startApp(name: string, postgresUrl: string, redisUrl: string, runId: string): Promise<App> {
  const child = spawn(process.execPath, ['-r', './tools/register-typescript.cjs', '-r', 'tsconfig-paths/register', 'test/multi-process/server.ts', postgresUrl, redisUrl, name], {
    cwd: ROOT,
    env: { ...process.env, TEST_RUN_ID: runId },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  const mails: App['mails'] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${errors.join('\n')}`)), 180_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${errors.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const mail = /^MAIL (\S+) (\S+)$/.exec(line);
      if (mail) mails.push({ to: mail[1], token: mail[2] });
      const ready = /^READY (\d+)$/.exec(line);
      if (!ready) return;
      clearTimeout(timer);
      resolve({ name, url: `http://127.0.0.1:${ready[1]}/api/auth`, child, errors, mails });
    });
  });
}

export async function call(app: App, method: string, path: string, options: { body?: unknown; cookie?: string; ip?: string } = {}) {
  const headers: Record<string, string> = { origin: 'http://127.0.0.1', 'x-forwarded-for': options.ip ?? `10.${Math.floor(Math.random() * 250)}.0.1` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  const response = await fetch(`${app.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, cookie: response.headers.get('set-cookie')?.split(';')[0] };
}

export const email = () => `mp-${randomBytes(5).toString('hex')}@example.com`;

export async function signedUp(app: App) {
  const address = email();
  const answer = await call(app, 'POST', '/sign-up/email', { body: { email: address, password: PASSWORD, name: 'Multi' } });
  if (answer.status !== 200) throw new Error(`sign-up failed: ${answer.status} ${JSON.stringify(answer.json)}`);
  return { email: address, cookie: answer.cookie!, user: answer.json.user };
}
