/**
 * The server side of the get-session benchmark: the example auth on the memory adapter over node:http.
 * Signs up one user, then prints `READY <port> <token>` for the bench driver.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from 'better-auth-entities';
import { createAuth } from '../examples/create-auth';

async function main(): Promise<void> {
  const { auth } = createAuth({ baseURL: 'http://127.0.0.1' });
  const { token } = await auth.api.signUpEmail({ email: 'bench@example.com', password: 'bench password 1', name: 'Bench' });
  const server = createServer(toNodeHandler(auth));
  server.listen(0, '127.0.0.1', () => {
    console.log(`READY ${(server.address() as AddressInfo).port} ${token}`);
  });
}

void main();
