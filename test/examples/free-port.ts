import { createServer } from 'node:net';

/** A port nothing listens on right now (the OS picks it), for a child server that must be told its port. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
