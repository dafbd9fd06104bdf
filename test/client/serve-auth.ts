import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Auth } from 'better-auth-entities';
import { toNodeHandler } from 'better-auth-entities/node';

/** What `serveAuth` fills in once its server listens. */
export interface ServedAuth<A> {
  baseURL: string;
  auth: A;
}

/**
 * Serves an auth instance on a loopback port for the scripts that drive the official client. The instance is
 * built only once the port is known, because its `baseURL` must be the URL the client calls (and the Origin
 * it sends). Registers the suite's own `beforeAll` / `afterAll`; read the fields inside tests.
 */
export function serveAuth<A extends Auth<object, object, object>>(build: (baseURL: string) => A | Promise<A>): ServedAuth<A> {
  const served = {} as ServedAuth<A>;
  let server: Server;
  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    served.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    served.auth = await build(served.baseURL);
    server.on('request', toNodeHandler(served.auth));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return served;
}
