import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { AuthError, defineErrorCodes } from 'better-auth-entities';
import { authErrorHandler } from 'better-auth-entities/express';

const APP_ERRORS = defineErrorCodes({ PLAN_REQUIRED: { status: 402, message: 'This needs the pro plan' } });

describe('authErrorHandler on the app’s own Express routes', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.get('/thrown', () => {
      throw new AuthError('FORBIDDEN');
    });
    app.get('/async', async () => {
      throw new AuthError(APP_ERRORS.PLAN_REQUIRED);
    });
    app.get('/limited', (_request, _response, next) => next(new AuthError('TOO_MANY_REQUESTS', undefined, undefined, { retryAfterSeconds: 7 })));
    app.get('/other', () => {
      throw new Error('not ours');
    });
    app.use(authErrorHandler());
    // The app's own last handler still gets every other error.
    app.use((error: Error, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
      response.status(500).json({ appHandler: error.message });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, body: await response.json(), retryAfter: response.headers.get('retry-after') };
  };

  it('answers an AuthError with its status and { code, message }, from sync and async routes and from next()', async () => {
    expect(await get('/thrown')).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: 'Forbidden' }, retryAfter: null });
    expect(await get('/async')).toEqual({ status: 402, body: { code: 'PLAN_REQUIRED', message: 'This needs the pro plan' }, retryAfter: null });
    expect(await get('/limited')).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' }, retryAfter: '7' });
  });

  it("passes any other error on to the app's own error handler", async () => {
    expect(await get('/other')).toEqual({ status: 500, body: { appHandler: 'not ours' }, retryAfter: null });
  });
});
