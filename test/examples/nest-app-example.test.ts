import { startTypeScriptServer, type NestServer } from '../nest/start-nest-server';
import { freePort } from './free-port';

/** `npm run example:nest`: the Nest app on TypeOrmModule (SQLite), auth sharing its DataSource, in a child process. */
describe('examples/nest-app', () => {
  let server: NestServer;

  beforeAll(async () => {
    const port = await freePort();
    server = await startTypeScriptServer('examples/nest-app/src/main.ts', [], { PORT: String(port), BASE_URL: `http://127.0.0.1:${port}` }, /listening on (\d+)/);
  }, 120_000);

  afterAll(() => server?.stop());

  it('signs up into the SQLite tables TypeOrmModule opened, and serves the custom plan on the protected route', async () => {
    const { origin } = server;
    expect(await (await fetch(`${origin}/api/health`)).json()).toEqual({ ok: true });
    expect((await fetch(`${origin}/api/profile`)).status).toBe(401);
    const signUp = await fetch(`${origin}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: 'nest-example@example.com', password: 'correct horse battery staple', name: 'Ada', plan: 'pro' }),
    });
    const cookie = signUp.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    expect(signUp.status).toBe(200);
    // `plan` is not an input field: the sign-up could not set it.
    expect(await (await fetch(`${origin}/api/profile`, { headers: { cookie } })).json()).toEqual({ email: 'nest-example@example.com', plan: 'free' });
    expect(await (await fetch(`${origin}/api/hello`, { headers: { cookie } })).json()).toEqual({ message: 'Hello, Ada' });
  });
});
