/**
 * The ceiling for sign-in and sign-up: node:http doing exactly one password hash per request, with the
 * parameters both libraries use (scrypt N=16384, r=16, p=1, 64-byte key, on libuv's thread pool), and nothing else.
 * A sign-in cannot cost less than this; the target is to cost at most 1.1× as much.
 */
import { randomBytes, scrypt } from 'node:crypto';
import { createServer } from 'node:http';
import { announceReady, withLoopProbe } from './protocol.cjs';

const PARAMS = { N: 16384, r: 16, p: 1, maxmem: 128 * 16384 * 16 * 2 };

const server = createServer(
  withLoopProbe((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const { password = 'bench password 1' } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      scrypt(password.normalize('NFKC'), randomBytes(16).toString('hex'), 64, PARAMS, (error, key) => {
        response.writeHead(error ? 500 : 200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: !error, key: key?.toString('hex').slice(0, 8) }));
      });
    });
  }),
);
server.listen(0, '127.0.0.1', () => announceReady(server));
