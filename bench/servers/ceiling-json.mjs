/**
 * The ceiling for get-session on the memory adapter: bare node:http answering a small JSON body, no auth at all.
 * Nothing that serves HTTP from one Node process can be faster on this machine.
 */
import { createServer } from 'node:http';
import { announceReady, withLoopProbe } from './protocol.cjs';

const server = createServer(
  withLoopProbe((request, response) => {
    const body = JSON.stringify({ session: { id: 'x', userId: 'y' }, user: { id: 'y', email: 'bench@example.com' } });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  }),
);
server.listen(0, '127.0.0.1', () => announceReady(server));
